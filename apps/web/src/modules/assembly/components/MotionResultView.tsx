import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, XAxis, YAxis } from 'recharts';
import { integerTicks } from '../../ui/utils/chartTicks';
import type { MotionResult, MotionTally } from '../graphql/assembly';
import { localeOf } from '../../ui/utils/dates';

const COLORS = { FOR: '#1b6e3a', AGAINST: '#a4161a', ABSTAIN: '#4a4a4a' };
const fmt = (n: number, language: string) =>
  n.toLocaleString(localeOf(language), { maximumFractionDigits: 3 });

/** The weighted totals as an accessible table, with a bar chart (Recharts) beside it for sighted readers. */
export function TallyTable({
  tally,
  caption,
  chart = false,
}: {
  tally: MotionTally | MotionResult;
  caption: string;
  chart?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const rows = [
    { key: 'FOR' as const, label: t('assembly.choice.FOR'), value: tally.forWeight },
    { key: 'AGAINST' as const, label: t('assembly.choice.AGAINST'), value: tally.againstWeight },
    { key: 'ABSTAIN' as const, label: t('assembly.choice.ABSTAIN'), value: tally.abstainWeight },
  ];
  const ticks = integerTicks(Math.max(...rows.map((row) => row.value)));
  return (
    <div className="tally">
      <table className="table tally__table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assembly.choiceHeader')}</th>
            <th scope="col">{t('assembly.weightHeader')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{fmt(row.value, i18n.language)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('assembly.voters')}</th>
            <td>
              {t('assembly.votersValue', {
                count: tally.votersCount,
                weight: fmt(tally.votersWeight, i18n.language),
              })}
            </td>
          </tr>
        </tbody>
      </table>
      {chart ? (
        <div className="tally__chart" aria-hidden="true">
          <BarChart
            width={320}
            height={180}
            data={rows}
            accessibilityLayer={false}
            margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fill: '#222' }} />
            <YAxis
              ticks={ticks}
              domain={[0, ticks[ticks.length - 1]]}
              interval={0}
              tick={{ fill: '#222' }}
            />
            <Bar dataKey="value" isAnimationActive={false}>
              {rows.map((row) => (
                <Cell key={row.key} fill={COLORS[row.key]} />
              ))}
            </Bar>
          </BarChart>
        </div>
      ) : null}
    </div>
  );
}

/** The frozen result of a closed motion: outcome, participation against the quorum, figures and chart. */
export function MotionResultView({ result }: { result: MotionResult }) {
  const { t, i18n } = useTranslation();
  // Head count and weight differ only when some member's weight is not 1: then both are said.
  const weighted =
    result.votersWeight !== result.votersCount || result.membersWeight !== result.membersCount;
  return (
    <div className="motion-result">
      <p
        className={`motion-result__outcome motion-result__outcome--${result.outcome.toLowerCase()}`}
      >
        <strong>{t(`assembly.outcome.${result.outcome}`)}</strong>
      </p>
      <p>
        {t('assembly.participationHeads', {
          count: result.votersCount,
          members: result.membersCount,
        })}
        {weighted
          ? t('assembly.participationWeight', {
              weight: fmt(result.votersWeight, i18n.language),
              membersWeight: fmt(result.membersWeight, i18n.language),
              percent: fmt(result.participationPercent, i18n.language),
              quorum: fmt(result.quorumPercent, i18n.language),
            })
          : t('assembly.participationShare', {
              percent: fmt(result.participationPercent, i18n.language),
              quorum: fmt(result.quorumPercent, i18n.language),
            })}
      </p>
      <TallyTable tally={result} caption={t('assembly.resultCaption')} chart />
    </div>
  );
}
