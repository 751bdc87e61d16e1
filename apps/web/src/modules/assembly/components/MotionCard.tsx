import { useMutation } from '@apollo/client/react';
import { MotionStatus } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCollegeName } from '../hooks/useCollegeName';
import { HistoryDetails } from '../../history/components/HistorySection';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { DELETE_MOTION_MUTATION, type AssemblyMotion } from '../graphql/assembly';
import { Countdown } from './Countdown';
import { MotionResultView, TallyTable } from './MotionResultView';
import { ParisTime } from './ParisTime';
import { VotePanel } from './VotePanel';
import { displayName } from '../../account/deletedParticipant';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** One motion: text, period (Europe/Paris), countdown, tally or result, named votes, and the vote panel for members. */
export function MotionCard({
  motion,
  onElapsed,
  signedIn,
}: {
  motion: AssemblyMotion;
  onElapsed: () => void;
  signedIn: boolean;
}) {
  const { t, i18n } = useTranslation();
  const collegeName = useCollegeName();
  const [deleteMotion] = useMutation(DELETE_MOTION_MUTATION, {
    refetchQueries: ['AssemblyMotions'],
  });
  const headingId = `motion-${motion.id}`;
  return (
    <article
      className={`item motion motion--${motion.status.toLowerCase()}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="item__title">
        {motion.reference ? <span className="item__reference">{motion.reference}</span> : null}{' '}
        <UserText>{motion.title}</UserText>
      </h3>
      <p className="motion__meta">
        <span className={`badge badge--${motion.status.toLowerCase()}`}>
          {t(`assembly.status.${motion.status}`)}
        </span>{' '}
        {motion.opensAt && motion.closesAt ? (
          <>
            {t('assembly.opens')} <ParisTime iso={motion.opensAt} language={i18n.language} /> ·{' '}
            {t('assembly.closes')} <ParisTime iso={motion.closesAt} language={i18n.language} />{' '}
            {t('assembly.parisTime')}
          </>
        ) : null}
      </p>
      {motion.status === MotionStatus.OPEN && motion.closesAt ? (
        <p className="motion__countdown">
          <Countdown target={motion.closesAt} serverNow={motion.readAt} onElapsed={onElapsed} />
        </p>
      ) : null}
      {motion.status === MotionStatus.SCHEDULED && motion.opensAt ? (
        <p className="motion__countdown">
          <Countdown
            target={motion.opensAt}
            serverNow={motion.readAt}
            onElapsed={onElapsed}
            event="opens"
          />
        </p>
      ) : null}
      <p className="motion__rule">
        {t(`assembly.majority.${motion.majority}`)} ·{' '}
        {t('assembly.quorum', { percent: motion.quorumPercent })} ·{' '}
        {t(motion.secretBallot ? 'assembly.secret' : 'assembly.public')}
      </p>
      {motion.origin ? (
        <p className="motion__meta">
          {t('assembly.origin')}{' '}
          <Link to={motion.origin.link} lang={CONTENT_LANGUAGE}>
            {motion.origin.title}
          </Link>
        </p>
      ) : null}
      <SafeHtml html={motion.body} className="item__body" />
      {motion.status === MotionStatus.CLOSED && motion.result ? (
        <MotionResultView result={motion.result} />
      ) : null}
      {motion.status === MotionStatus.OPEN ? (
        motion.tally ? (
          <TallyTable tally={motion.tally} caption={t('assembly.tallyCaption')} />
        ) : (
          <p>{t('assembly.tallyHidden')}</p>
        )
      ) : null}
      {motion.votes && motion.votes.length > 0 ? (
        <details className="motion__votes">
          <summary>{t('assembly.namedVotes', { count: motion.votes.length })}</summary>
          <ul>
            {motion.votes.map((vote) => (
              <li key={vote.userId}>
                {displayName(vote.memberName, t)}
                {vote.college ? ` (${collegeName(vote.college)})` : ''} :{' '}
                {t(`assembly.choice.${vote.choice}`)}
                {vote.weight !== 1 ? ` × ${vote.weight}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {motion.status === MotionStatus.OPEN &&
      signedIn &&
      (motion.viewerCanVote || motion.viewerHasVoted) ? (
        <VotePanel motion={motion} />
      ) : null}
      <HistoryDetails kind="motion" id={motion.id} />
      {motion.viewerCanEdit ? (
        <p>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              if (window.confirm(t('assembly.deleteConfirm')))
                void deleteMotion({ variables: { id: motion.id } });
            }}
          >
            {t('assembly.delete')}
          </button>
        </p>
      ) : null}
    </article>
  );
}
