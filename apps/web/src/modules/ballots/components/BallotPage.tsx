import { useMutation, useQuery } from '@apollo/client/react';
import { Suspense, useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { COMPONENT_QUERY, COMPONENT_SPACE_QUERY } from '../../components/graphql/components';
import { Breadcrumb } from '../../ui/components/Breadcrumb';
import { DateTime } from '../../ui/components/DateTime';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { lazyPage } from '../../layout/components/LazyPage';
import { BALLOT_QUERY, CAST_BALLOT_MUTATION, type Ballot } from '../graphql/ballots';
import { BallotPeriod, BallotStatusBadge, TurnoutText } from './BallotList';
import { useLiveBallotTurnout } from '../hooks/useLiveBallotTurnout';
import { VotingBooth } from './VotingBooth';
import '../ballots.css';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** The results and their charts (Recharts) load only when a ballot has results to show. */
const BallotResults = lazyPage(() => import('./BallotResults'), 'BallotResults');

/** Who may vote, in a sentence. */
export function CensusText({ ballot }: { ballot: Pick<Ballot, 'census'> }) {
  const { t } = useTranslation();
  const { census } = ballot;
  return (
    <>
      {t(`votes.census.${census.kind}`)}
      {census.weighted ? ` ${t('votes.census.weighted')}` : ''}
    </>
  );
}

/**
 * `/espaces/:slug/f/:componentId/votations/:ballotId`: a votation — its period in Europe/Paris,
 * census and secrecy, the voting booth while it is open, the results (frozen at the close, or
 * live for an open public ballot), the verification of receipts and the exports.
 */
export function BallotPage() {
  const { slug = '', componentId = '', ballotId = '' } = useParams();
  const { t } = useTranslation();
  const space = useQuery(COMPONENT_SPACE_QUERY, { variables: { slug } });
  const component = useQuery(COMPONENT_QUERY, { variables: { id: componentId } });
  const { data, error, refetch } = useQuery(BALLOT_QUERY, {
    variables: { id: ballotId },
    fetchPolicy: 'cache-and-network',
  });
  const ballot = data?.ballot;
  // while it is open, every vote moves the turnout (and a public ballot's live results): refetch
  useLiveBallotTurnout(
    ballot?.status === 'OPEN' ? { ballotId: ballot.id } : null,
    useCallback(() => void refetch(), [refetch]),
  );
  useDocumentTitle(ballot ? ballot.title : error ? null : t('common.loading'));
  if (error && !ballot) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!ballot || !space.data || !component.data) return <Loading page />;
  const s = space.data.space;
  const isProcess = s.type === 'PROCESS';
  const path = `/espaces/${s.slug}/f/${componentId}/votations/${ballot.id}`;
  return (
    <article className="page votes" aria-labelledby="page-title">
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
        current={<UserText>{ballot.title}</UserText>}
      />
      <header className="page__header">
        <p className="eyebrow">{t('votes.eyebrow')}</p>
        <h1 id="page-title" lang={CONTENT_LANGUAGE}>
          {ballot.title}
        </h1>
        <p className="card__badges">
          <BallotStatusBadge status={ballot.status} />{' '}
          <span className="badge">{t(ballot.secret ? 'votes.secret' : 'votes.public')}</span>
          {ballot.viewerHasVoted ? (
            <>
              {' '}
              <span className="badge badge--accepted">{t('votes.youVoted')}</span>
            </>
          ) : null}
        </p>
        <p className="lead">
          <BallotPeriod ballot={ballot} />
        </p>
      </header>
      {ballot.explanation ? <SafeHtml html={ballot.explanation} className="prose" /> : null}
      <section aria-labelledby="ballot-rules" className="panel">
        <h2 id="ballot-rules">{t('votes.rules.heading')}</h2>
        <ul>
          <li>
            <CensusText ballot={ballot} />
          </li>
          <li>
            {t(
              ballot.secret
                ? ballot.receiptsEnabled
                  ? 'votes.rules.secretReceipts'
                  : 'votes.rules.secret'
                : 'votes.rules.public',
            )}
          </li>
          <li>
            {t('votes.rules.turnout')} <TurnoutText ballot={ballot} />
          </li>
          {ballot.questions.map((q) => (
            <li key={q.id}>
              {t('votes.rules.question', { title: q.title, method: t(`votes.method.${q.method}`) })}
            </li>
          ))}
        </ul>
      </section>
      <VotePanel ballot={ballot} path={path} />
      {ballot.results ? (
        <section aria-labelledby="ballot-results">
          <h2 id="ballot-results">
            {t(ballot.resultsFrozen ? 'votes.results.heading' : 'votes.results.live')}
          </h2>
          <Suspense fallback={<Loading />}>
            <BallotResults ballot={ballot} />
          </Suspense>
          <p className="downloads">
            {t('votes.results.downloads')}{' '}
            <a href={`/exports/ballots/${ballot.id}/results.xlsx`} download>
              {t('votes.results.downloadXlsx')}
            </a>
            {' · '}
            <a href={`/exports/ballots/${ballot.id}/results.csv`} download>
              {t('votes.results.downloadCsv')}
            </a>
            {' · '}
            <a href={`/exports/ballots/${ballot.id}/results.json`} download>
              {t('votes.results.downloadJson')}
            </a>
          </p>
        </section>
      ) : ballot.status === 'OPEN' && ballot.secret ? (
        <p className="notice">{t('votes.results.hiddenUntilClose')}</p>
      ) : null}
      {ballot.status === 'CLOSED' ? (
        <section aria-labelledby="ballot-published" className="panel">
          <h2 id="ballot-published">{t('votes.published.heading')}</h2>
          <p>
            {t(
              ballot.receiptsEnabled
                ? 'votes.published.withReceipts'
                : 'votes.published.withoutReceipts',
            )}
          </p>
          <ul>
            <li>
              <a href={`/exports/ballots/${ballot.id}/ballots.json`} download>
                {t('votes.published.json')}
              </a>
            </li>
            <li>
              <a href={`/exports/ballots/${ballot.id}/ballots.csv`} download>
                {t('votes.published.csv')}
              </a>
            </li>
            <li>
              <a href={`/exports/ballots/${ballot.id}/ballots.xlsx`} download>
                {t('votes.published.xlsx')}
              </a>
            </li>
            {ballot.receiptsEnabled ? (
              <li>
                <Link to={`${path}/verifier`}>{t('votes.verify.link')}</Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

/** What the viewer can do now: vote (booth), see that they voted, sign in, or wait for the opening. */
function VotePanel({ ballot, path }: { ballot: Ballot; path: string }) {
  const focusAfterRender = useFocusAfterRender();
  const { t } = useTranslation();
  const { me } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [castBallot] = useMutation(CAST_BALLOT_MUTATION);

  async function onCast(
    answers: Parameters<NonNullable<Parameters<typeof VotingBooth>[0]['onCast']>>[0],
  ) {
    const result = await castBallot({ variables: { ballotId: ballot.id, answers } });
    const code = result.data?.castBallot.receiptCode;
    if (code) {
      navigate(`${path}/recu`, { state: { receiptCode: code, ballotId: ballot.id } });
      return;
    }
    feedback.succeed(
      t(ballot.viewerHasVoted && !ballot.secret ? 'votes.booth.changed' : 'votes.booth.done'),
    );
    focusAfterRender(headingRef);
  }

  let body;
  if (ballot.status === 'SCHEDULED') {
    body = (
      <p>
        {t('votes.vote.opensAt')} <DateTime iso={ballot.opensAt} />.
      </p>
    );
  } else if (ballot.status === 'CLOSED') {
    body = <p>{t(ballot.viewerHasVoted ? 'votes.vote.closedVoted' : 'votes.vote.closed')}</p>;
  } else if (!me) {
    body = (
      <p>
        <Link to="/connexion" state={{ from: location.pathname }}>
          {t('votes.vote.signIn')}
        </Link>
      </p>
    );
  } else if (ballot.viewerHasVoted && ballot.secret) {
    body = <p>{t('votes.vote.votedSecret')}</p>;
  } else if (!ballot.viewerCanVote) {
    body = <p>{t('votes.vote.notInCensus')}</p>;
  } else {
    body = (
      <>
        {ballot.viewerHasVoted ? <p>{t('votes.vote.votedPublic')}</p> : null}
        <VotingBooth
          key={ballot.viewerHasVoted ? 'change' : 'first'}
          ballot={ballot}
          onCast={onCast}
        />
      </>
    );
  }
  return (
    <section aria-labelledby="ballot-vote" className="panel">
      <h2 id="ballot-vote" ref={headingRef} tabIndex={-1}>
        {t('votes.vote.heading')}
      </h2>
      <FeedbackMessages feedback={feedback} />
      {body}
    </section>
  );
}
