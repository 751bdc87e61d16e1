import { useQuery } from '@apollo/client/react';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { COMPONENT_QUERY, COMPONENT_SPACE_QUERY } from '../../components/graphql/components';
import { Breadcrumb } from '../../ui/components/Breadcrumb';
import { SelectField } from '../../ui/components/Fields';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import {
  IDEA_BOX_QUERY,
  IDEA_RESULTS_QUERY,
  type IdeaResults,
  type RankedIdea,
} from '../graphql/ideas';
import { useLiveIdeaBox } from '../hooks/useLiveIdeaBox';
import '../ideas.css';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** A score on screen: a whole number (French: no decimals needed at this precision). */
export function formatScore(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value);
}

/** `/espaces/:slug/f/:componentId/idees/:boxId/resultats`: ranked ideas with score bars and intervals, the same as a table, scores by respondent type. */
export function IdeaResultsPage() {
  const { slug = '', componentId = '', boxId = '' } = useParams();
  const { t } = useTranslation();
  const space = useQuery(COMPONENT_SPACE_QUERY, { variables: { slug } });
  const component = useQuery(COMPONENT_QUERY, { variables: { id: componentId } });
  const box = useQuery(IDEA_BOX_QUERY, { variables: { id: boxId } });
  const { data, error, refetch } = useQuery(IDEA_RESULTS_QUERY, {
    variables: { boxId },
    fetchPolicy: 'cache-and-network',
  });
  // new scores or a new idea: the ranking follows live
  useLiveIdeaBox(
    componentId,
    boxId,
    useCallback(() => void refetch(), [refetch]),
  );
  const question = box.data?.ideaBox.question;
  useDocumentTitle(
    question ? `${t('ideas.results.title')} — ${question}` : error ? null : t('common.loading'),
  );
  const failure = error ?? box.error;
  if (failure && !data) return <QueryErrorView error={failure} onRetry={() => void refetch()} />;
  if (!data || !box.data || !space.data || !component.data) return <Loading page />;
  const s = space.data.space;
  const isProcess = s.type === 'PROCESS';
  const results = data.ideaResults;
  return (
    <article className="page ideas" aria-labelledby="page-title">
      <Breadcrumb
        trail={[
          {
            to: isProcess ? '/concertations' : '/assemblees',
            label: t(isProcess ? 'layout.nav.processes' : 'layout.nav.assemblies'),
          },
          { to: `/espaces/${s.slug}`, label: <UserText>{s.title}</UserText> },
          {
            to: `/espaces/${s.slug}/f/${componentId}`,
            label: <UserText>{component.data.component.title}</UserText>,
          },
          { to: box.data.ideaBox.path, label: <UserText>{box.data.ideaBox.question}</UserText> },
        ]}
        current={t('ideas.results.title')}
      />
      <header className="page__header">
        <p className="eyebrow">{t('ideas.results.title')}</p>
        <h1 id="page-title" lang={CONTENT_LANGUAGE}>
          {box.data.ideaBox.question}
        </h1>
        <p className="lead">
          {t('ideas.results.summary', {
            comparisons: t('ideas.comparisons', { count: results.comparisonsCount }),
            voters: t('ideas.voters', { count: results.votersCount }),
            skips: results.skipsCount,
            dontKnow: results.dontKnowCount,
          })}
        </p>
        <p>{t('ideas.results.scoreExplained')}</p>
        {results.scoredComparisons !== results.comparisonsCount ? (
          <p className="muted">{t('ideas.results.stale', { scored: results.scoredComparisons })}</p>
        ) : null}
        <p>
          <Link to={box.data.ideaBox.path}>{t('ideas.results.backToBooth')}</Link>
        </p>
      </header>
      {results.ideas.length ? (
        <>
          <ScoreBars ideas={results.ideas} />
          <ResultsTable ideas={results.ideas} />
          <TypologyScores results={results} />
        </>
      ) : (
        <p>{t('ideas.results.empty')}</p>
      )}
    </article>
  );
}

/** The ranking as bars: the score filled, the 95 % interval as a whisker; each with its figures in text. */
export function ScoreBars({ ideas }: { ideas: RankedIdea[] }) {
  const { t, i18n } = useTranslation();
  const f = (v: number) => formatScore(v, i18n.language);
  return (
    <section aria-labelledby="idea-ranking">
      <h2 id="idea-ranking">{t('ideas.results.rankedHeading')}</h2>
      <ol className="idea-scores">
        {ideas.map((r) => (
          <li key={r.idea.id} id={`idee-${r.idea.id}`}>
            <p className="idea-score__text">
              <strong>{r.rank}.</strong> <UserText>{r.idea.body}</UserText>
            </p>
            <div className="idea-score__track" aria-hidden="true">
              <div className="idea-score__fill" style={{ width: `${r.score}%` }} />
              <div
                className="idea-score__interval"
                style={{
                  left: `${r.scoreLow}%`,
                  width: `${Math.max(0.5, r.scoreHigh - r.scoreLow)}%`,
                }}
              />
            </div>
            <p className="idea-score__figure">
              {t('ideas.results.score', {
                score: f(r.score),
                low: f(r.scoreLow),
                high: f(r.scoreHigh),
              })}{' '}
              · {t('ideas.comparisons', { count: r.wins + r.losses })}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Everything the bars show, as a table (a scrollable region at 390 px, reachable by keyboard). */
function ResultsTable({ ideas }: { ideas: RankedIdea[] }) {
  const { t, i18n } = useTranslation();
  const f = (v: number) => formatScore(v, i18n.language);
  return (
    <div className="idea-table-wrap" tabIndex={0} role="region" aria-labelledby="idea-table">
      <table>
        <caption id="idea-table">{t('ideas.results.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ideas.results.rank')}</th>
            <th scope="col">{t('ideas.results.idea')}</th>
            <th scope="col">{t('ideas.results.scoreColumn')}</th>
            <th scope="col">{t('ideas.results.interval')}</th>
            <th scope="col">{t('ideas.results.wins')}</th>
            <th scope="col">{t('ideas.results.losses')}</th>
          </tr>
        </thead>
        <tbody>
          {ideas.map((r) => (
            <tr key={r.idea.id}>
              <td>{r.rank}</td>
              <th scope="row" lang={CONTENT_LANGUAGE}>
                {r.idea.body}
              </th>
              <td>{f(r.score)}</td>
              <td>
                {f(r.scoreLow)} – {f(r.scoreHigh)}
              </td>
              <td>{r.wins}</td>
              <td>{r.losses}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Scores among the voters of one respondent type, chosen in a list. */
function TypologyScores({ results }: { results: IdeaResults }) {
  const { t, i18n } = useTranslation();
  const f = (v: number) => formatScore(v, i18n.language);
  const captionId = useId();
  const groups = results.byTypology;
  const [selected, setSelected] = useState(0);
  const group = groups[Math.min(selected, groups.length - 1)];
  const bodyOf = new Map(results.ideas.map((r) => [r.idea.id, r.idea.body]));
  return (
    <section aria-labelledby="idea-typologies">
      <h2 id="idea-typologies">{t('ideas.results.byTypology')}</h2>
      <p className="muted">{t('ideas.results.typologyNote')}</p>
      {results.votersInSmallTypologies ? (
        <p className="muted">
          {t('ideas.results.smallTypologies', { count: results.votersInSmallTypologies })}
        </p>
      ) : null}
      {group ? (
        <>
          <SelectField
            label={t('ideas.results.typologyLabel')}
            value={String(selected)}
            onChange={(e) => setSelected(Number(e.target.value))}
            options={groups.map((g, i) => ({
              value: String(i),
              label: `${g.label} (${t('ideas.voters', { count: g.votersCount })})`,
            }))}
          />
          <div className="idea-table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
            <table>
              <caption id={captionId}>
                {t('ideas.results.typologyTable', { label: group.label })} —{' '}
                {t('ideas.comparisons', { count: group.comparisonsCount })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('ideas.results.idea')}</th>
                  <th scope="col">{t('ideas.results.scoreColumn')}</th>
                  <th scope="col">{t('ideas.results.interval')}</th>
                  <th scope="col">{t('ideas.results.comparisonsColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {[...group.scores]
                  .sort((a, b) => b.score - a.score)
                  .map((s) => (
                    <tr key={s.ideaId}>
                      <th scope="row">{bodyOf.get(s.ideaId)}</th>
                      <td>{f(s.score)}</td>
                      <td>
                        {f(s.scoreLow)} – {f(s.scoreHigh)}
                      </td>
                      <td>{s.comparisons}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>{t('ideas.results.noTypology')}</p>
      )}
    </section>
  );
}
