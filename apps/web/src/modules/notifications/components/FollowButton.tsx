import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { FOLLOW_MUTATION, UNFOLLOW_MUTATION } from '../graphql/notifications';

/** Texts of a {@link FollowButton}: the two button states and the two confirmations. */
export interface FollowLabels {
  follow: string;
  unfollow: string;
  followed: string;
  unfollowed: string;
}

/**
 * "Suivre" / "Ne plus suivre" for a proposal or a space (signed-in users). The state comes
 * from the server (`viewerFollows`), refreshed through `refetchQueries` after each change;
 * `aria-pressed` tells it, and a polite status or an alert reports the result.
 */
export function FollowButton({
  type,
  id,
  following,
  labels,
  refetchQueries,
}: {
  type: 'PROPOSAL' | 'SPACE' | 'PETITION' | 'NEWS_POST';
  id: string;
  following: boolean;
  labels: FollowLabels;
  refetchQueries: string[];
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const options = { refetchQueries, awaitRefetchQueries: true };
  const [follow, followState] = useMutation(FOLLOW_MUTATION, options);
  const [unfollow, unfollowState] = useMutation(UNFOLLOW_MUTATION, options);

  async function toggle() {
    feedback.clear();
    const variables = { followableType: type, followableId: id };
    try {
      if (following) {
        await unfollow({ variables });
        feedback.succeed(labels.unfollowed);
      } else {
        await follow({ variables });
        feedback.succeed(labels.followed);
      }
    } catch (error) {
      feedback.fail(error, { UNAUTHENTICATED: t('proposals.signInRequired') });
    }
  }

  return (
    <div className="follow-action">
      <button
        type="button"
        className="button"
        aria-pressed={following}
        disabled={followState.loading || unfollowState.loading}
        onClick={() => void toggle()}
      >
        {following ? labels.unfollow : labels.follow}
      </button>
      <FeedbackMessages feedback={feedback} />
    </div>
  );
}
