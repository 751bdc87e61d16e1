import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, XAxis, YAxis } from 'recharts';
import { integerTicks } from '../../ui/utils/chartTicks';
import { formatDay, formatNumber } from '../../ui/utils/dates';
import type { KeyFigure } from '../graphql/statistics';

/**
 * One key figure per week: a bar chart (hidden from assistive technologies) and the same
 * numbers as a table with a caption, which screen readers and keyboard users read instead.
 * @param level the heading level (2 on `/chiffres-cles`, 3 inside a page section)
 */
export function WeeklyChart({ figure, level = 2 }: { figure: KeyFigure; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const name = t(`statistics.name.${figure.key}`, { defaultValue: figure.key });
  const data = figure.weekly.map((w) => ({
    week: formatDay(w.week, i18n.language),
    count: w.count,
  }));
  const ticks = integerTicks(Math.max(0, ...figure.weekly.map((w) => w.count)));
  return (
    <article className="weekly-chart" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('statistics.weekly.title', { name })}</Heading>
      {data.length === 0 ? (
        <p>{t('statistics.weekly.none')}</p>
      ) : (
        <>
          <div className="chart" aria-hidden="true">
            <BarChart
              width={560}
              height={220}
              data={data}
              margin={{ left: 8, bottom: 8 }}
              accessibilityLayer={false}
            >
              <XAxis dataKey="week" />
              <YAxis
                type="number"
                ticks={ticks}
                domain={[0, ticks[ticks.length - 1]]}
                interval={0}
                allowDecimals={false}
              />
              <Bar dataKey="count" fill="#1f4e79" isAnimationActive={false} />
            </BarChart>
          </div>
          <table className="results-table">
            <caption>{t('statistics.weekly.caption', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('statistics.weekly.week')}</th>
                <th scope="col">{t('statistics.weekly.count')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((row) => (
                <tr key={row.week}>
                  <th scope="row">{row.week}</th>
                  <td>{formatNumber(row.count, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </article>
  );
}
