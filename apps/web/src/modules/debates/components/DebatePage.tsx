import { useQuery } from '@apollo/client/react';
import { Rooms } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { COMPONENT_QUERY, COMPONENT_SPACE_QUERY } from '../../components/graphql/components';
import { useLiveEvent } from '../../notifications/live/LiveConnection';
import { Breadcrumb } from '../../ui/components/Breadcrumb';
import { DemoBadge } from '../../ui/components/DemoBadge';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { DEBATE_QUERY, MY_DEBATE_STATEMENTS_QUERY } from '../graphql/debates';
import { AddStatementForm } from './AddStatementForm';
import { VotingCard } from './VotingCard';
import '../debates.css';
import { UserText } from '../../ui/components/UserText';

/** `/espaces/:slug/f/:componentId/debats/:debateId`: the topic, the voting card, « Proposer une affirmation », one's own statements, the link to the results. */
export function DebatePage() {
  const { slug = '', componentId = '', debateId = '' } = useParams();
  const { t } = useTranslation();
  const { me } = useMe();
  const location = useLocation();
  const space = useQuery(COMPONENT_SPACE_QUERY, { variables: { slug } });
  const component = useQuery(COMPONENT_QUERY, { variables: { id: componentId } });
  const { data, error, refetch } = useQuery(DEBATE_QUERY, { variables: { id: debateId } });
  const mine = useQuery(MY_DEBATE_STATEMENTS_QUERY, { variables: { debateId }, skip: !me });
  useLiveEvent(
    debateId ? Rooms.debate(debateId) : null,
    'debate.statementPublished',
    () => void refetch(),
  );
  const debate = data?.debate;
  useDocumentTitle(debate ? debate.title : error ? null : t('common.loading'));
  if (error && !debate) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!debate || !space.data || !component.data) return <Loading page />;
  const s = space.data.space;
  const isProcess = s.type === 'PROCESS';
  const base = `/espaces/${s.slug}/f/${componentId}/debats/${debate.id}`;
  const own = mine.data?.debateStatements ?? [];
  return (
    <article className="page debate" aria-labelledby="page-title">
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
        ]}
        current={<UserText>{debate.title}</UserText>}
      />
      <header className="page__header">
        <p className="eyebrow">{t('debates.eyebrow')}</p>
        <h1 id="page-title">
          <UserText>{debate.title}</UserText> {debate.isDemo ? <DemoBadge /> : null}
        </h1>
        <p>
          {t('debates.statements', { count: debate.statementsCount })} ·{' '}
          {t('debates.participants', { count: debate.participantsCount })}
          {me ? <> · {t('debates.yourVotes', { count: debate.viewerVotesCount })}</> : null}
        </p>
        <p>
          <Link to={`${base}/resultats`}>{t('debates.seeResults')}</Link>
        </p>
      </header>
      {debate.description ? <SafeHtml html={debate.description} className="prose" /> : null}
      <p className="muted">{t('debates.howItWorks')}</p>
      {me ? (
        <>
          <VotingCard
            debateId={debate.id}
            closed={debate.closedAt !== null}
            onVoted={() => void refetch()}
          />
          {debate.closedAt === null &&
          (debate.participantStatements || debate.viewerCanModerate) ? (
            <AddStatementForm
              debateId={debate.id}
              moderated={debate.statementsModerated && !debate.viewerCanModerate}
            />
          ) : null}
          {own.length ? (
            <section aria-labelledby="my-statements">
              <h2 id="my-statements">{t('debates.mine.heading')}</h2>
              <ul>
                {own.map((st) => (
                  <li key={st.id}>
                    <UserText>{st.body}</UserText>{' '}
                    <span className="muted">
                      ({st.hidden ? t('debates.mine.hidden') : t(`debates.mine.state.${st.state}`)}{' '}
                      · {t('debates.vote.votesSoFar', { count: st.votesCount })})
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : (
        <p className="panel">
          <Link to="/connexion" state={{ from: location.pathname }}>
            {t('debates.signInToVote')}
          </Link>
        </p>
      )}
    </article>
  );
}
