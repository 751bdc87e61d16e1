import { useMutation } from '@apollo/client/react';
import { VoteChoice } from '@concerto/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { CAST_VOTE_MUTATION, type AssemblyMotion } from '../graphql/assembly';

const CHOICES = [VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN];

/**
 * "Pour" / "Contre" / "Abstention" with a confirmation step; shows the member's current vote
 * (on a public ballot) and lets them change it until close. A secret vote is final.
 */
export function VotePanel({ motion }: { motion: AssemblyMotion }) {
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState<VoteChoice | null>(null);
  const [castVote, { loading, error, reset }] = useMutation(CAST_VOTE_MUTATION);
  const [done, setDone] = useState<string>('');
  const headingId = useId();

  const confirm = async () => {
    if (!pending) return;
    try {
      await castVote({ variables: { motionId: motion.id, choice: pending } });
      setDone(t('assembly.voteRecorded', { choice: t(`assembly.choice.${pending}`) }));
      setPending(null);
    } catch {
      setPending(null);
    }
  };

  return (
    <section className="vote-panel" aria-labelledby={headingId}>
      <h4 id={headingId} className="vote-panel__title">
        {t('assembly.yourVote')}
      </h4>
      <p className="vote-panel__current">
        {motion.viewerHasVoted
          ? motion.viewerVote
            ? t('assembly.currentVote', { choice: t(`assembly.choice.${motion.viewerVote}`) })
            : t('assembly.currentVoteSecret')
          : t('assembly.notVotedYet')}
      </p>
      {motion.viewerCanVote && !pending ? (
        <div className="vote-panel__choices" role="group" aria-label={t('assembly.chooseVote')}>
          {CHOICES.map((choice) => (
            <button
              key={choice}
              type="button"
              className={`button vote-button vote-button--${choice.toLowerCase()}`}
              aria-pressed={motion.viewerVote === choice}
              onClick={() => {
                reset();
                setDone('');
                setPending(choice);
              }}
            >
              {t(`assembly.choice.${choice}`)}
            </button>
          ))}
        </div>
      ) : null}
      {pending ? (
        <div className="vote-panel__confirm" role="group" aria-label={t('assembly.confirmTitle')}>
          <p>
            {t(motion.secretBallot ? 'assembly.confirmSecret' : 'assembly.confirm', {
              choice: t(`assembly.choice.${pending}`),
            })}
          </p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void confirm()}
            disabled={loading}
            autoFocus
          >
            {t('assembly.confirmButton')}
          </button>{' '}
          <button type="button" className="button" onClick={() => setPending(null)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
      <div
        role="status"
        aria-live="polite"
        className={done ? 'message message--success' : 'message message--empty'}
      >
        {done}
      </div>
      {error ? <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} /> : null}
    </section>
  );
}
