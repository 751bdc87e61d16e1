import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { FOLLOW_MUTATION, UNFOLLOW_MUTATION } from '../graphql/proposals';

/** "Suivre" / "Ne plus suivre" a proposal (signed-in users); refetches the proposal for its counts. */
export function FollowButton({ proposalId, follows }: { proposalId: string; follows: boolean }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const options = { refetchQueries: ['Proposal'], awaitRefetchQueries: true };
  const [follow, followState] = useMutation(FOLLOW_MUTATION, options);
  const [unfollow, unfollowState] = useMutation(UNFOLLOW_MUTATION, options);

  async function toggle() {
    feedback.clear();
    const variables = { followableType: 'PROPOSAL' as const, followableId: proposalId };
    try {
      if (follows) {
        await unfollow({ variables });
        feedback.succeed(t('proposals.follow.unfollowed'));
      } else {
        await follow({ variables });
        feedback.succeed(t('proposals.follow.followed'));
      }
    } catch (error) {
      feedback.fail(error, { UNAUTHENTICATED: t('proposals.signInRequired') });
    }
  }

  return (
    <div className="follow-action">
      <button type="button" className="button" aria-pressed={follows} disabled={followState.loading || unfollowState.loading} onClick={() => void toggle()}>
        {follows ? t('proposals.follow.unfollow') : t('proposals.follow.follow')}
      </button>
      <FeedbackMessages feedback={feedback} />
    </div>
  );
}
