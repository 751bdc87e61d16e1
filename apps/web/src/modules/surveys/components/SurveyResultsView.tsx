import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { integerTicks } from '../../ui/utils/chartTicks';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import {
  SURVEY_RESULTS_QUERY,
  type QuestionResult,
  type SurveyQuestionState,
} from '../graphql/surveys';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

const COLORS = [
  '#1f4e79',
  '#2e7d32',
  '#8e24aa',
  '#c62828',
  '#00695c',
  '#6d4c41',
  '#283593',
  '#ad1457',
  '#37474f',
];
const CHOICE_TYPES = new Set(['SINGLE_OPTION', 'MULTIPLE_OPTION', 'SCALE', 'SORTING']);

/**
 * Exact results of an Enquête: per question a chart (pie for single choice, bars for choices and
 * scales; decorative, hidden from assistive technology) and the same figures as a `<table>`,
 * the agreement share of scales, and a cross-tabulation by a single-choice question.
 */
export function SurveyResultsView({
  surveyId,
  questions,
}: {
  surveyId: string;
  questions: SurveyQuestionState[];
}) {
  const { t, i18n } = useTranslation();
  const [crossBy, setCrossBy] = useState('');
  const { data, loading, error } = useQuery(SURVEY_RESULTS_QUERY, {
    variables: { surveyId, crossBy: crossBy || null },
  });
  const singles = questions.filter((q) => q.type === 'SINGLE_OPTION');
  const number = (n: number, digits = 1) =>
    n.toLocaleString(i18n.language, { maximumFractionDigits: digits });
  if (error && !data)
    return <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />;
  if (loading && !data) return <Loading />;
  const results = data?.surveyResults;
  if (!results) return null;
  return (
    <section className="survey-results" aria-labelledby="survey-results-title">
      <h2 id="survey-results-title">{t('surveys.results.title')}</h2>
      <p>{t('surveys.results.submissions', { count: results.submissions })}</p>
      {singles.length ? (
        <div className="field">
          <label htmlFor="survey-cross-by">{t('surveys.results.crossBy')}</label>
          <select
            id="survey-cross-by"
            className="field__control"
            value={crossBy}
            onChange={(e) => setCrossBy(e.target.value)}
          >
            <option value="">{t('surveys.results.noCrossBy')}</option>
            {singles.map((q) => (
              <option key={q.id} value={q.id} lang={CONTENT_LANGUAGE}>
                {q.body}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {results.questions.map((q, index) => (
        <QuestionResultView key={q.questionId} result={q} index={index} number={number} />
      ))}
    </section>
  );
}

function QuestionResultView({
  result: q,
  index,
  number,
}: {
  result: QuestionResult;
  index: number;
  number: (n: number, d?: number) => string;
}) {
  const { t } = useTranslation();
  const headingId = `result-${q.questionId}`;
  const data = q.options.map((o) => ({ name: o.label, count: o.count }));
  const ticks = integerTicks(Math.max(0, ...data.map((d) => d.count)));
  return (
    <article className="question-result" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {index + 1}. <UserText>{q.body}</UserText>
        {q.removed ? ` ${t('surveys.results.removedQuestion')}` : ''}
      </h3>
      {q.type === 'SCALE' && q.agreementPercent !== null ? (
        <p className="question-result__agreement">
          {t('surveys.results.agreement', {
            count: q.answers,
            percent: number(q.agreementPercent),
          })}
          {q.mean !== null ? ` · ${t('surveys.results.mean', { mean: number(q.mean, 2) })}` : ''}
        </p>
      ) : (
        <p>{t('surveys.results.answers', { count: q.answers })}</p>
      )}
      {CHOICE_TYPES.has(q.type) && q.answers > 0 ? (
        <div className="chart" aria-hidden="true">
          {q.type === 'SINGLE_OPTION' ? (
            <ResponsiveContainer width="100%" height={200 + 24 * data.length}>
              <PieChart accessibilityLayer={false}>
                <Pie
                  data={data}
                  dataKey="count"
                  nameKey="name"
                  cy={100}
                  outerRadius={90}
                  isAnimationActive={false}
                  rootTabIndex={-1}
                >
                  {data.map((_, i) => (
                    <Cell key={i} fill={COLORS[i % COLORS.length]} />
                  ))}
                </Pie>
                {/* below the pie, one line per option: it fits a phone's width */}
                <Legend
                  layout="vertical"
                  align="left"
                  verticalAlign="bottom"
                  wrapperStyle={{ color: '#1b1b1f' }}
                />
              </PieChart>
            </ResponsiveContainer>
          ) : (
            <ResponsiveContainer width="100%" height={Math.max(120, 36 * data.length + 40)}>
              <BarChart
                data={data}
                layout="vertical"
                margin={{ left: 8, right: 16 }}
                accessibilityLayer={false}
              >
                <XAxis
                  type="number"
                  ticks={ticks}
                  domain={[0, ticks[ticks.length - 1]]}
                  interval={0}
                />
                <YAxis type="category" dataKey="name" width={150} />
                <Bar dataKey="count" fill="#1f4e79" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          )}
        </div>
      ) : null}
      {q.options.length ? (
        <table className="results-table">
          <caption>{t('surveys.results.tableCaption', { question: q.body })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('surveys.results.option')}</th>
              <th scope="col">{t('surveys.results.count')}</th>
              <th scope="col">%</th>
              {q.type === 'SORTING' ? <th scope="col">{t('surveys.results.meanRank')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {q.options.map((o) => (
              <tr key={`${o.optionId ?? o.value}`}>
                <th scope="row" lang={CONTENT_LANGUAGE}>
                  {o.label}
                </th>
                <td>{o.count}</td>
                <td>{number(o.percent)} %</td>
                {q.type === 'SORTING' ? (
                  <td>{o.meanRank === null ? '—' : number(o.meanRank, 2)}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {q.rows.length ? (
        <table className="results-table">
          <caption>{t('surveys.results.matrixCaption', { question: q.body })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('surveys.results.row')}</th>
              {q.rows[0].options.map((o) => (
                <th scope="col" key={o.optionId} lang={CONTENT_LANGUAGE}>
                  {o.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {q.rows.map((r) => (
              <tr key={r.rowId}>
                <th scope="row" lang={CONTENT_LANGUAGE}>
                  {r.label}
                </th>
                {r.options.map((o) => (
                  <td key={o.optionId}>
                    {o.count} ({number(o.percent)} %)
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {q.crossTab.length && q.options.length ? (
        <table className="results-table results-table--cross">
          <caption>{t('surveys.results.crossCaption', { question: q.body })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('surveys.results.group')}</th>
              <th scope="col">{t('surveys.results.count')}</th>
              {q.options.map((o) => (
                <th scope="col" key={`${o.optionId ?? o.value}`} lang={CONTENT_LANGUAGE}>
                  {o.label}
                </th>
              ))}
              {q.type === 'SCALE' ? (
                <th scope="col">{t('surveys.results.agreementColumn')}</th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {q.crossTab.map((g) => (
              <tr key={g.groupOptionId}>
                <th scope="row">{g.groupLabel}</th>
                <td>{g.answers}</td>
                {g.options.map((o) => (
                  <td key={`${o.optionId ?? o.value}`}>
                    {o.count} ({number(o.percent)} %)
                  </td>
                ))}
                {q.type === 'SCALE' ? (
                  <td>{g.agreementPercent === null ? '—' : `${number(g.agreementPercent)} %`}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {q.texts.length ? (
        <details>
          <summary>{t('surveys.results.texts', { count: q.texts.length })}</summary>
          <ul className="results-texts">
            {q.texts.map((text, i) => (
              <li key={i} lang={CONTENT_LANGUAGE}>
                {text}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </article>
  );
}
