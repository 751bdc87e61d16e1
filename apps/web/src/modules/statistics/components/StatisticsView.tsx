import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, XAxis, YAxis } from 'recharts';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { integerTicks } from '../../ui/utils/chartTicks';
import { formatNumber } from '../../ui/utils/dates';
import { STATISTICS_QUERY, type TypologyCount } from '../graphql/statistics';
import { AsOf, KeyFiguresList } from './KeyFiguresList';
import { WeeklyChart } from './WeeklyChart';

/**
 * Key figures of the platform (no `spaceId`) or of one space: totals, one weekly chart and table
 * per figure and, for the platform, members and organisations by typology.
 * @param level the level of its headings (2 on `/chiffres-cles`, 3 inside a page section)
 */
export function StatisticsView({ spaceId, level = 2 }: { spaceId?: string; level?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(STATISTICS_QUERY, {
    variables: { spaceId: spaceId ?? null },
    fetchPolicy: 'cache-and-network',
  });
  if (error && !data)
    return <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const s = data.statistics;
  return (
    <div className="statistics">
      <KeyFiguresList figures={s.figures} />
      <AsOf asOf={s.asOf} />
      <div className="statistics__charts">
        {s.figures.map((f) => (
          <WeeklyChart key={f.key} figure={f} level={level} />
        ))}
      </div>
      {s.organisationsByTypology.length ? (
        <TypologyTable rows={s.organisationsByTypology} level={level} />
      ) : null}
    </div>
  );
}

function TypologyTable({ rows, level }: { rows: TypologyCount[]; level: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const { t, i18n } = useTranslation();
  const label = (r: TypologyCount) => r.label ?? t('statistics.typologies.none');
  const data = rows.map((r) => ({ name: label(r), members: r.members }));
  const ticks = integerTicks(Math.max(0, ...rows.map((r) => r.members)));
  return (
    <section aria-labelledby="statistics-typologies">
      <Heading id="statistics-typologies">{t('statistics.typologies.title')}</Heading>
      <div className="chart" aria-hidden="true">
        <BarChart
          width={560}
          height={Math.max(120, 32 * data.length + 40)}
          data={data}
          layout="vertical"
          margin={{ left: 160 }}
          accessibilityLayer={false}
        >
          <XAxis type="number" ticks={ticks} domain={[0, ticks[ticks.length - 1]]} interval={0} />
          <YAxis type="category" dataKey="name" width={150} />
          <Bar dataKey="members" fill="#1f4e79" isAnimationActive={false} />
        </BarChart>
      </div>
      <table className="results-table">
        <caption>{t('statistics.typologies.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('statistics.typologies.typology')}</th>
            <th scope="col">{t('statistics.typologies.members')}</th>
            <th scope="col">{t('statistics.typologies.organisations')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.typologyKey ?? ''}>
              <th scope="row">{label(r)}</th>
              <td>{formatNumber(r.members, i18n.language)}</td>
              <td>{formatNumber(r.organisations, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
