import { useQuery } from '@apollo/client/react';
import { Rooms } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { COMPONENT_QUERY, COMPONENT_SPACE_QUERY } from '../../components/graphql/components';
import { useLiveEvent } from '../../notifications/live/LiveConnection';
import { Breadcrumb } from '../../ui/components/Breadcrumb';
import { DateTime } from '../../ui/components/DateTime';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { DEBATE_ANALYSIS_QUERY, DEBATE_QUERY, type DebateAnalysis } from '../graphql/debates';
import { OpinionMap } from './OpinionMap';
import '../debates.css';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** A count with the language's digit grouping (« 2 234 » in French). */
function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** A map coordinate, two decimals at most, with a true minus sign (« −0,53 », not « -0,53 »). */
function coordinate(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 })
    .format(value)
    .replace('-', '\u2212');
}

/** A share 0–1 as a French/English percentage without decimals. */
function percent(value: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(
    value,
  );
}

/**
 * `/espaces/:slug/f/:componentId/debats/:debateId/resultats`: the opinion map (groups as clouds of
 * anonymous points, the viewer marked), each group described by its representative statements,
 * the consensus across groups, the divisive statements, and a table of everything the map shows.
 * Refetches when the server announces a new analysis (`debate.analysisUpdated`).
 */
export function DebateResultsPage() {
  const { slug = '', componentId = '', debateId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const space = useQuery(COMPONENT_SPACE_QUERY, { variables: { slug } });
  const component = useQuery(COMPONENT_QUERY, { variables: { id: componentId } });
  const debate = useQuery(DEBATE_QUERY, { variables: { id: debateId } });
  const { data, error, refetch } = useQuery(DEBATE_ANALYSIS_QUERY, {
    variables: { debateId },
    fetchPolicy: 'cache-and-network',
  });
  useLiveEvent(
    debateId ? Rooms.debate(debateId) : null,
    'debate.analysisUpdated',
    () => void refetch(),
  );
  const title = debate.data?.debate.title;
  useDocumentTitle(
    title ? t('debates.results.documentTitle', { title }) : error ? null : t('common.loading'),
  );
  if ((error || debate.error) && !data)
    return <QueryErrorView error={error ?? debate.error} onRetry={() => void refetch()} />;
  if (!data || !debate.data || !space.data || !component.data) return <Loading page />;
  const s = space.data.space;
  const isProcess = s.type === 'PROCESS';
  const base = `/espaces/${s.slug}/f/${componentId}/debats/${debateId}`;
  const analysis = data.debateAnalysis;
  return (
    <article className="page debate-results" aria-labelledby="page-title">
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
          { to: base, label: <UserText>{debate.data.debate.title}</UserText> },
        ]}
        current={t('debates.results.heading')}
      />
      <header className="page__header">
        <p className="eyebrow" lang={CONTENT_LANGUAGE}>
          {debate.data.debate.title}
        </p>
        <h1 id="page-title">{t('debates.results.heading')}</h1>
        <p>
          <Link to={base}>{t('debates.backToVote')}</Link>
        </p>
      </header>
      {!analysis ? (
        <p>{t('debates.results.none')}</p>
      ) : (
        <Results analysis={analysis} language={i18n.language} />
      )}
      <section aria-labelledby="method" className="muted">
        <h2 id="method">{t('debates.results.methodHeading')}</h2>
        <p>{t('debates.results.method')}</p>
      </section>
    </article>
  );
}

function Results({ analysis, language }: { analysis: DebateAnalysis; language: string }) {
  const { t } = useTranslation();
  const groupLabel = (id: number) =>
    analysis.groups.find((g) => g.id === id)?.label ?? String(id + 1);
  return (
    <>
      <p>
        {t('debates.results.summary', {
          participants: formatNumber(analysis.participantCount, language),
          votes: formatNumber(analysis.voteCount, language),
          count: analysis.groups.length,
        })}{' '}
        <span className="muted">
          {t('debates.results.computedAt')} <DateTime iso={analysis.computedAt} style="short" />
        </span>
      </p>
      {analysis.viewerPosition ? (
        <p>
          {analysis.viewerPosition.groupId === null
            ? t('debates.results.youUngrouped')
            : t('debates.results.youIn', { label: groupLabel(analysis.viewerPosition.groupId) })}
        </p>
      ) : null}
      <section aria-labelledby="map-heading">
        <h2 id="map-heading">{t('debates.map.heading')}</h2>
        <OpinionMap analysis={analysis} />
      </section>

      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t('debates.results.groupsHeading')}</h2>
        {analysis.groups.length ? (
          analysis.groups.map((g) => (
            <section key={g.id} className="panel debate-group" aria-labelledby={`group-${g.id}`}>
              <h3 id={`group-${g.id}`}>
                {t('debates.groupName', { label: g.label })} ·{' '}
                {t('debates.participants', { count: g.size })}
              </h3>
              {g.representatives.length ? (
                <ul>
                  {g.representatives.map((r) => (
                    <li key={r.statementId}>
                      {'«\u00a0'}
                      <UserText>{r.body}</UserText>
                      {'\u00a0»'} —{' '}
                      {t(
                        r.repfulFor === 'AGREE'
                          ? 'debates.results.groupAgrees'
                          : 'debates.results.groupDisagrees',
                        {
                          share: percent(r.share, language),
                          successes: r.successes,
                          trials: r.trials,
                        },
                      )}
                      {r.significant ? null : (
                        <span className="muted"> ({t('debates.results.notSignificant')})</span>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('debates.results.noRepresentative')}</p>
              )}
            </section>
          ))
        ) : (
          <p>{t('debates.results.noGroups')}</p>
        )}
      </section>

      <section aria-labelledby="consensus-heading">
        <h2 id="consensus-heading">{t('debates.results.consensusHeading')}</h2>
        <p className="muted">{t('debates.results.consensusHelp')}</p>
        <ol>
          {analysis.consensus.map((r) => (
            <li key={r.statementId}>
              {'«\u00a0'}
              <UserText>{r.body}</UserText>
              {'\u00a0»'} —{' '}
              {r.groups
                .map((g) =>
                  t('debates.results.groupShare', {
                    label: groupLabel(g.groupId),
                    share: percent(g.seen ? g.agree / g.seen : 0, language),
                  }),
                )
                .join(', ')}
            </li>
          ))}
        </ol>
      </section>

      {analysis.divisive.length ? (
        <section aria-labelledby="divisive-heading">
          <h2 id="divisive-heading">{t('debates.results.divisiveHeading')}</h2>
          <p className="muted">{t('debates.results.divisiveHelp')}</p>
          <ol>
            {analysis.divisive.slice(0, 5).map((r) => (
              <li key={r.statementId}>
                {'«\u00a0'}
                <UserText>{r.body}</UserText>
                {'\u00a0»'} —{' '}
                {r.groups
                  .map((g) =>
                    t('debates.results.groupShare', {
                      label: groupLabel(g.groupId),
                      share: percent(g.seen ? g.agree / g.seen : 0, language),
                    }),
                  )
                  .join(', ')}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="table-heading">
        <h2 id="table-heading">{t('debates.table.heading')}</h2>
        <div
          className="table-wrapper"
          role="region"
          aria-labelledby="groups-table-caption"
          tabIndex={0}
        >
          <table className="table">
            <caption id="groups-table-caption">{t('debates.table.groupsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('debates.table.group')}</th>
                <th scope="col">{t('debates.table.size')}</th>
                <th scope="col">{t('debates.table.centre')}</th>
                <th scope="col">{t('debates.table.you')}</th>
              </tr>
            </thead>
            <tbody>
              {analysis.groups.map((g) => (
                <tr key={g.id}>
                  <th scope="row">{t('debates.groupName', { label: g.label })}</th>
                  <td>{g.size}</td>
                  <td>
                    {t('debates.table.coordinates', {
                      x: coordinate(g.centroid.x, language),
                      y: coordinate(g.centroid.y, language),
                    })}
                  </td>
                  <td>
                    {analysis.viewerPosition?.groupId === g.id ? t('debates.table.yourGroup') : ''}
                  </td>
                </tr>
              ))}
              {analysis.ungrouped.length ? (
                <tr>
                  <th scope="row">{t('debates.table.ungrouped')}</th>
                  <td>{analysis.ungrouped.length}</td>
                  <td>—</td>
                  <td>
                    {analysis.viewerPosition && analysis.viewerPosition.groupId === null
                      ? t('debates.table.yourGroup')
                      : ''}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        <div
          className="table-wrapper"
          role="region"
          aria-labelledby="statements-table-caption"
          tabIndex={0}
        >
          <table className="table">
            <caption id="statements-table-caption">{t('debates.table.statementsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('debates.table.statement')}</th>
                <th scope="col">{t('debates.table.agree')}</th>
                <th scope="col">{t('debates.table.disagree')}</th>
                <th scope="col">{t('debates.table.pass')}</th>
                {analysis.groups.map((g) => (
                  <th key={g.id} scope="col">
                    {t('debates.table.groupAgree', { label: g.label })}
                  </th>
                ))}
                <th scope="col">{t('debates.table.consensus')}</th>
              </tr>
            </thead>
            <tbody>
              {analysis.statements.map((r) => (
                <tr key={r.statementId}>
                  <th scope="row" lang={CONTENT_LANGUAGE}>
                    {r.body}
                  </th>
                  <td>{r.agree}</td>
                  <td>{r.disagree}</td>
                  <td>{r.pass}</td>
                  {r.groups.map((g) => (
                    <td key={g.groupId}>
                      {t('debates.table.groupCell', {
                        agree: g.agree,
                        seen: g.seen,
                        share: percent(g.seen ? g.agree / g.seen : 0, language),
                      })}
                    </td>
                  ))}
                  <td>{percent(r.consensus, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
