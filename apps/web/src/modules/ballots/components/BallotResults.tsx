import type { Grade } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../ui/utils/dates';
import { GRADE_ORDER, share } from '../ballot-display';
import type {
  Ballot,
  BallotQuestion,
  MajorityJudgmentResult,
  OptionCountResult,
  QuestionResult,
  SchulzeResult,
} from '../graphql/ballots';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** Grade colours, best (dark green) to worst (red); the tables carry the same figures as text. */
export const GRADE_COLORS: Record<Grade, string> = {
  EXCELLENT: '#1b5e20',
  VERY_GOOD: '#2e7d32',
  GOOD: '#689f38',
  FAIRLY_GOOD: '#c0ca33',
  PASSABLE: '#f9a825',
  INSUFFICIENT: '#ef6c00',
  REJECT: '#b71c1c',
};

interface ResultProps<R> {
  question: BallotQuestion;
  result: R;
  /** Ballot weights are counted in thousandths when the census is weighted. */
  unit: number;
}

const useNames = (question: BallotQuestion) => (ids: string[]) =>
  ids.map((id) => question.options.find((o) => o.id === id)?.title ?? id).join(', ');

/**
 * The results of a ballot, question by question: the winner(s), ties and how they were broken
 * (or that they were not), and the full count of the method — counts for SINGLE and MULTIPLE,
 * the pairwise-preference matrix for RANKED, grade profiles (stacked bars and a table) for
 * MAJORITY_JUDGMENT.
 */
export function BallotResults({
  ballot,
}: {
  ballot: Pick<Ballot, 'questions' | 'results' | 'census'>;
}) {
  const unit = ballot.census.weighted ? 1000 : 1;
  return (
    <div className="ballot-results">
      {ballot.questions.map((q) => {
        const result = ballot.results?.find((r) => r.questionId === q.id);
        return result ? (
          <QuestionResultView key={q.id} question={q} result={result} unit={unit} />
        ) : null;
      })}
    </div>
  );
}

function QuestionResultView({ question, result, unit }: ResultProps<QuestionResult>) {
  const { t, i18n } = useTranslation();
  const names = useNames(question);
  const headingId = `result-${question.id}`;
  return (
    <section aria-labelledby={headingId} className="panel question-result">
      <h3 id={headingId} lang={CONTENT_LANGUAGE}>
        {question.title}
      </h3>
      <p className="muted">
        {t(`votes.method.${question.method}`)} ·{' '}
        {t('votes.results.ballots', { count: result.ballots })}
        {unit !== 1
          ? ` · ${t('votes.results.weight', { weight: formatNumber(result.totalWeight / unit, i18n.language, 3) })}`
          : ''}
      </p>
      {result.ballots === 0 ? (
        <p>{t('votes.results.noBallots')}</p>
      ) : (
        <>
          <p className="question-result__winner">
            <strong>
              {result.winners.length > 1
                ? t('votes.results.tie', { names: names(result.winners) })
                : t('votes.results.winner', { name: names(result.winners) })}
            </strong>
          </p>
          {result.winners.length > 1 ? (
            <p>{t(`votes.results.tieNotBroken.${result.method}`)}</p>
          ) : null}
          {result.method === 'RANKED' ? (
            <SchulzeView question={question} result={result} unit={unit} />
          ) : result.method === 'MAJORITY_JUDGMENT' ? (
            <MajorityJudgmentView question={question} result={result} unit={unit} />
          ) : (
            <CountsView question={question} result={result} unit={unit} />
          )}
        </>
      )}
    </section>
  );
}

/** SINGLE / MULTIPLE: votes per option, best first, as a table with a bar chart beside it. */
function CountsView({ question, result, unit }: ResultProps<OptionCountResult>) {
  const { t, i18n } = useTranslation();
  const rows = result.ranking.flatMap((tier, index) =>
    tier.map((id) => ({
      id,
      rank: result.ranking.slice(0, index).flat().length + 1,
      title: question.options.find((o) => o.id === id)?.title ?? id,
      value: result.counts[id] / unit,
    })),
  );
  const total = result.totalWeight / unit;
  return (
    <div className="counts">
      <p id={`counts-${question.id}-caption`} className="table-caption">
        {t(
          result.method === 'MULTIPLE'
            ? 'votes.results.approvalsCaption'
            : 'votes.results.votesCaption',
        )}
      </p>
      <div
        className="table-scroll"
        role="region"
        aria-labelledby={`counts-${question.id}-caption`}
        tabIndex={0}
      >
        <table className="table" aria-labelledby={`counts-${question.id}-caption`}>
          <thead>
            <tr>
              <th scope="col">{t('votes.results.rank')}</th>
              <th scope="col">{t('votes.results.option')}</th>
              <th scope="col">
                {t(
                  result.method === 'MULTIPLE' ? 'votes.results.approvals' : 'votes.results.votes',
                )}
              </th>
              <th scope="col">{t('votes.results.shareOfBallots')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.rank}</td>
                <th scope="row" lang={CONTENT_LANGUAGE}>
                  {row.title}
                </th>
                <td>{formatNumber(row.value, i18n.language, 3)}</td>
                <td>{formatNumber(share(row.value, total), i18n.language, 1)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="result-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={Math.max(80, rows.length * 36)}>
          <BarChart
            data={rows}
            layout="vertical"
            accessibilityLayer={false}
            margin={{ top: 4, right: 12, bottom: 4, left: 4 }}
          >
            <XAxis type="number" allowDecimals={false} tick={{ fill: '#222' }} />
            <YAxis
              type="category"
              dataKey="title"
              width={120}
              interval={0}
              tick={{ fill: '#222', fontSize: 12 }}
            />
            <Bar dataKey="value" fill="#1d4ed8" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

/** RANKED: the Schulze ranking, the Condorcet winner if any, and the pairwise-preference matrix. */
function SchulzeView({ question, result, unit }: ResultProps<SchulzeResult>) {
  const { t, i18n } = useTranslation();
  const names = useNames(question);
  const titleAt = (i: number) =>
    question.options.find((o) => o.id === result.optionIds[i])?.title ?? result.optionIds[i];
  const regionId = `pairwise-${question.id}`;
  return (
    <>
      <p>
        {result.condorcetWinner
          ? t('votes.results.condorcet', { name: names([result.condorcetWinner]) })
          : t('votes.results.noCondorcet')}
      </p>
      <h4>{t('votes.results.ranking')}</h4>
      <ol className="result-ranking">
        {result.ranking.map((tier) => (
          <li key={tier.join()}>
            {tier.length > 1 ? t('votes.results.tiedTier', { names: names(tier) }) : names(tier)}
          </li>
        ))}
      </ol>
      <p id={`${regionId}-caption`} className="table-caption">
        {t('votes.results.pairwiseCaption')}
      </p>
      <div
        className="table-scroll"
        role="region"
        aria-labelledby={`${regionId}-caption`}
        tabIndex={0}
      >
        <table className="table pairwise" aria-labelledby={`${regionId}-caption`}>
          <thead>
            <tr>
              <td />
              {result.optionIds.map((id, j) => (
                <th key={id} scope="col">
                  {t('votes.results.over', { title: titleAt(j) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.optionIds.map((id, i) => (
              <tr key={id}>
                <th scope="row">{titleAt(i)}</th>
                {result.optionIds.map((other, j) => {
                  if (i === j) return <td key={other}>—</td>;
                  const mine = result.pairwise[i][j];
                  const theirs = result.pairwise[j][i];
                  const text = formatNumber(mine / unit, i18n.language, 3);
                  return (
                    <td key={other} className={mine > theirs ? 'pairwise--win' : undefined}>
                      {mine > theirs ? (
                        <>
                          <strong>{text}</strong>{' '}
                          <span className="pairwise__mark">{t('votes.results.wins')}</span>
                        </>
                      ) : (
                        text
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('votes.results.schulzeNote')}</p>
    </>
  );
}

/** MAJORITY_JUDGMENT: ranking by majority grade, how ties were broken, grade profiles as stacked bars and as a table. */
function MajorityJudgmentView({ question, result, unit }: ResultProps<MajorityJudgmentResult>) {
  const { t, i18n } = useTranslation();
  const names = useNames(question);
  const grade = (g: Grade | null) => (g ? t(`votes.grade.${g}`) : '—');
  const ordered = result.ranking.flat();
  const regionId = `profiles-${question.id}`;
  return (
    <>
      <h4>{t('votes.results.ranking')}</h4>
      <ol className="result-ranking">
        {result.ranking.map((tier) => (
          <li key={tier.join()}>
            {tier.length > 1 ? t('votes.results.tiedTier', { names: names(tier) }) : names(tier)} —{' '}
            {t('votes.results.majorityGrade', { grade: grade(result.majorityGrades[tier[0]]) })}
          </li>
        ))}
      </ol>
      {result.tieBreaks.length ? (
        <>
          <h4>{t('votes.results.tieBreaks')}</h4>
          <ul>
            {result.tieBreaks.map((tb) => (
              <li key={`${tb.higher}-${tb.lower}`}>
                {t('votes.results.tieBreak', {
                  higher: names([tb.higher]),
                  lower: names([tb.lower]),
                  grade: grade(tb.majorityGrade),
                  count: Math.round(tb.removed / unit),
                  higherGrade: grade(tb.higherGrade),
                  lowerGrade: grade(tb.lowerGrade),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="mj-chart" aria-hidden="true">
        <ul className="mj-legend">
          {GRADE_ORDER.map((g) => (
            <li key={g}>
              <span className="mj-legend__swatch" style={{ background: GRADE_COLORS[g] }} />{' '}
              {t(`votes.grade.${g}`)}
            </li>
          ))}
        </ul>
        {ordered.map((id) => {
          const profile = result.profiles[id];
          const total = profile.reduce((a, b) => a + b, 0);
          const datum: Record<string, number | string> = { name: id };
          GRADE_ORDER.forEach((g, i) => (datum[g] = share(profile[i], total)));
          return (
            <div key={id} className="mj-chart__row">
              <p className="mj-chart__title">
                {names([id])} — {grade(result.majorityGrades[id])}
              </p>
              <ResponsiveContainer width="100%" height={28}>
                <BarChart
                  data={[datum]}
                  layout="vertical"
                  accessibilityLayer={false}
                  margin={{ top: 0, right: 0, bottom: 0, left: 0 }}
                  barCategoryGap={0}
                >
                  <XAxis type="number" domain={[0, 100]} hide />
                  <YAxis type="category" dataKey="name" hide />
                  {GRADE_ORDER.map((g) => (
                    <Bar
                      key={g}
                      dataKey={g}
                      stackId="profile"
                      fill={GRADE_COLORS[g]}
                      isAnimationActive={false}
                    />
                  ))}
                  <ReferenceLine x={50} stroke="#111" strokeWidth={2} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          );
        })}
        <p className="muted">{t('votes.results.medianLine')}</p>
      </div>
      <p id={`${regionId}-caption`} className="table-caption">
        {t('votes.results.profilesCaption')}
      </p>
      <div
        className="table-scroll"
        role="region"
        aria-labelledby={`${regionId}-caption`}
        tabIndex={0}
      >
        <table className="table mj-table" aria-labelledby={`${regionId}-caption`}>
          <thead>
            <tr>
              <th scope="col">{t('votes.results.option')}</th>
              <th scope="col">{t('votes.results.majorityGradeHeader')}</th>
              {GRADE_ORDER.map((g) => (
                <th key={g} scope="col">
                  {t(`votes.grade.${g}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ordered.map((id) => {
              const profile = result.profiles[id];
              const total = profile.reduce((a, b) => a + b, 0);
              return (
                <tr key={id}>
                  <th scope="row">{names([id])}</th>
                  <td>{grade(result.majorityGrades[id])}</td>
                  {profile.map((n, i) => (
                    <td key={GRADE_ORDER[i]}>
                      {formatNumber(n / unit, i18n.language, 3)}{' '}
                      <span className="muted">
                        ({formatNumber(share(n, total), i18n.language, 1)} %)
                      </span>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
