import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { useFeedback } from '../../ui/hooks/useFeedback';
import {
  CLOSE_MOTION_IN_SITTING_MUTATION,
  MEETING_SITTING_QUERY,
  OPEN_MOTION_IN_SITTING_MUTATION,
  type SittingMotion,
} from '../graphql/meetings';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/**
 * An Assemblée sitting (séance) on its meeting page: each agenda motion with its state or result;
 * the chair (space admins) opens and closes the votes during the sitting; those present and the
 * sitting's minutes. Re-queried after each action (and every 15 s while the sitting is on).
 */
export function SittingPanel({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const { data, refetch } = useQuery(MEETING_SITTING_QUERY, {
    variables: { id: meetingId },
    pollInterval: 15_000,
  });
  const [open, opening] = useMutation(OPEN_MOTION_IN_SITTING_MUTATION);
  const [close, closing] = useMutation(CLOSE_MOTION_IN_SITTING_MUTATION);
  const meeting = data?.meeting;
  if (!meeting?.isSitting || !meeting.sitting) return null;
  const { sitting } = meeting;
  const chair = meeting.viewerCanAdminister && meeting.state === 'ONGOING';
  const busy = opening.loading || closing.loading;

  async function act(motion: SittingMotion, action: 'open' | 'close') {
    feedback.clear();
    try {
      const variables = { meetingId, motionId: motion.id };
      if (action === 'open') await open({ variables });
      else await close({ variables });
      feedback.succeed(
        t(action === 'open' ? 'meetings.sitting.opened' : 'meetings.sitting.closed', {
          title: motion.title,
        }),
      );
    } catch (error) {
      feedback.fail(error);
    }
    await refetch();
  }

  return (
    <section aria-labelledby="meeting-sitting" className="panel meeting-sitting">
      <h2 id="meeting-sitting">{t('meetings.sitting.heading')}</h2>
      <FeedbackMessages feedback={feedback} />
      <h3>{t('meetings.sitting.motions')}</h3>
      {sitting.motions.length ? (
        <ul className="meeting-sitting__motions">
          {sitting.motions.map((motion) => (
            <li key={motion.id} className="meeting-sitting__motion">
              <p>
                <strong lang={CONTENT_LANGUAGE}>{motion.title}</strong>{' '}
                <span className="badge badge--state">
                  {t(`meetings.sitting.status.${motion.status}`)}
                </span>
              </p>
              {motion.result ? (
                <p>
                  <strong>{t(`meetings.sitting.outcome.${motion.result.outcome}`)}</strong>{' '}
                  {t('meetings.sitting.tally', {
                    for: motion.result.forWeight,
                    against: motion.result.againstWeight,
                    abstain: motion.result.abstainWeight,
                  })}{' '}
                  {motion.result.presentCount !== null
                    ? t('meetings.sitting.quorumPresent', {
                        present: motion.result.presentCount,
                        members: motion.result.membersCount,
                      })
                    : t('meetings.sitting.quorumVoting', {
                        voters: motion.result.votersCount,
                        members: motion.result.membersCount,
                      })}
                </p>
              ) : null}
              {chair && (motion.status === 'DRAFT' || motion.status === 'SCHEDULED') ? (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void act(motion, 'open')}
                  aria-label={t('meetings.sitting.openFor', { title: motion.title })}
                >
                  {t('meetings.sitting.open')}
                </button>
              ) : null}
              {chair && motion.status === 'OPEN' && motion.sittingId === meetingId ? (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void act(motion, 'close')}
                  aria-label={t('meetings.sitting.closeFor', { title: motion.title })}
                >
                  {t('meetings.sitting.close')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('meetings.sitting.noMotions')}</p>
      )}
      <h3>{t('meetings.sitting.present', { count: sitting.present.length })}</h3>
      {sitting.present.length ? (
        <ul className="meeting-sitting__present">
          {sitting.present.map((name, i) => (
            <li key={`${name}-${i}`}>{name}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('meetings.sitting.nobodyPresent')}</p>
      )}
      <details className="meeting-sitting__minutes">
        <summary>{t('meetings.sitting.minutes')}</summary>
        <pre className="prose" style={{ whiteSpace: 'pre-wrap' }}>
          {sitting.minutes}
        </pre>
      </details>
    </section>
  );
}
