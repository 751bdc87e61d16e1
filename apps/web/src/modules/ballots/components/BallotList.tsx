import { useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateTime } from '../../ui/components/DateTime';
import { DemoBadge } from '../../ui/components/DemoBadge';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { formatNumber } from '../../ui/utils/dates';
import { BALLOTS_QUERY, type Ballot } from '../graphql/ballots';
import { useLiveBallotTurnout } from '../hooks/useLiveBallotTurnout';
import '../ballots.css';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** « À venir », « Ouverte », « Close »: the status the API derived from PostgreSQL's clock. */
export function BallotStatusBadge({ status }: { status: Ballot['status'] }) {
  const { t } = useTranslation();
  const tone =
    status === 'OPEN' ? 'badge--open' : status === 'CLOSED' ? 'badge--closed' : 'badge--scheduled';
  return <span className={`badge badge--state ${tone}`}>{t(`votes.status.${status}`)}</span>;
}

/** « 12 votants sur 40 (30 %) », or only the voters before the census is frozen at the opening. */
export function TurnoutText({ ballot }: { ballot: Pick<Ballot, 'turnout' | 'census'> }) {
  const { t, i18n } = useTranslation();
  const { turnout, census } = ballot;
  if (census.frozenVoters === null)
    return <>{t('votes.turnout.voters', { count: turnout.voters })}</>;
  return (
    <>
      {t('votes.turnout.ofCensus', {
        count: turnout.voters,
        census: census.frozenVoters,
        percent: formatNumber(turnout.percent ?? 0, i18n.language, 2),
      })}
    </>
  );
}

/** The period of a ballot in Europe/Paris: « Du … au … ». */
export function BallotPeriod({ ballot }: { ballot: Pick<Ballot, 'opensAt' | 'closesAt'> }) {
  const { t } = useTranslation();
  return (
    <>
      {t('votes.period.from')} <DateTime iso={ballot.opensAt} /> {t('votes.period.to')}{' '}
      <DateTime iso={ballot.closesAt} />
    </>
  );
}

/** The votations of a VOTES component (component page): open ones first, then those to come, then the closed ones. */
export function BallotList({ componentId }: { componentId: string }) {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { data, error, refetch } = useQuery(BALLOTS_QUERY, {
    variables: { componentId },
    fetchPolicy: 'cache-and-network',
  });
  // the turnout of the open votations moves live: refetch the list when a vote is cast in one
  const anyOpen = data?.ballots.some((b) => b.status === 'OPEN') ?? false;
  useLiveBallotTurnout(
    anyOpen ? { componentId } : null,
    useCallback(() => void refetch(), [refetch]),
  );
  if (error && !data) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const basePath = `/espaces/${slug}/f/${componentId}/votations`;
  const groups = (['OPEN', 'SCHEDULED', 'CLOSED'] as const).map((status) => ({
    status,
    ballots: data.ballots
      .filter((b) => b.status === status)
      .sort((a, b) =>
        status === 'CLOSED'
          ? b.closesAt.localeCompare(a.closesAt)
          : a.closesAt.localeCompare(b.closesAt),
      ),
  }));
  return (
    <div className="votes">
      <p>
        <Link to={`${basePath}/verifier`}>{t('votes.verify.link')}</Link>
      </p>
      {data.ballots.length === 0 ? <p>{t('votes.list.none')}</p> : null}
      {groups
        .filter((g) => g.ballots.length)
        .map((g) => (
          <section key={g.status} aria-labelledby={`ballots-${g.status}`}>
            <h2 id={`ballots-${g.status}`}>{t(`votes.list.${g.status}`)}</h2>
            <ul className="card-list">
              {g.ballots.map((b) => (
                <li key={b.id}>
                  <BallotCard ballot={b} basePath={basePath} />
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}

/** A votation in the list: title (link), status, period, questions, turnout and the viewer's vote. */
function BallotCard({ ballot, basePath }: { ballot: Ballot; basePath: string }) {
  const { t } = useTranslation();
  const headingId = `ballot-${ballot.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId} className="card__title">
        <Link to={`${basePath}/${ballot.id}`} lang={CONTENT_LANGUAGE}>
          {ballot.title}
        </Link>
      </h3>
      <p className="card__badges">
        <BallotStatusBadge status={ballot.status} />{' '}
        <span className="badge">{t(ballot.secret ? 'votes.secret' : 'votes.public')}</span>
        {ballot.viewerHasVoted ? (
          <>
            {' '}
            <span className="badge badge--accepted">{t('votes.youVoted')}</span>
          </>
        ) : null}
        {ballot.isDemo ? (
          <>
            {' '}
            <DemoBadge />
          </>
        ) : null}
      </p>
      <p className="card__subtitle">
        <BallotPeriod ballot={ballot} />
      </p>
      <p className="card__meta">
        {t('votes.list.questions', { count: ballot.questions.length })} ·{' '}
        <TurnoutText ballot={ballot} />
      </p>
    </article>
  );
}
