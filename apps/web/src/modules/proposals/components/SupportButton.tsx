import { useMutation } from '@apollo/client/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { parseApiError } from '../../ui/utils/apiError';
import {
  SUPPORT_PROPOSAL_MUTATION,
  UNSUPPORT_PROPOSAL_MUTATION,
  type ProposalDetail,
  type ProposalSettings,
} from '../graphql/proposals';

const REFETCH = { refetchQueries: ['ProposalComponent', 'ProposalSupporters'] };

interface SupportButtonProps {
  proposal: Pick<ProposalDetail, 'id' | 'viewerSupports' | 'withdrawnAt'> &
    Partial<Pick<ProposalDetail, 'viewerReaction'>>;
  settings: ProposalSettings;
  signedIn: boolean;
}

/**
 * "Soutenir" / "Retirer mon soutien". Hidden when the component hides supports; disabled with
 * the reason when supports are BLOCKED, the proposal is withdrawn or the caller marked « pas
 * d'accord » (exclusive with a support); a sign-in link for
 * visitors. A refusal (LIMIT_REACHED: the participant's limit or the proposal's threshold) is
 * explained in a live alert.
 */
export function SupportButton({ proposal, settings, signedIn }: SupportButtonProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const feedback = useFeedback();
  const reasonId = useId();
  const [support, supportState] = useMutation(SUPPORT_PROPOSAL_MUTATION, REFETCH);
  const [unsupport, unsupportState] = useMutation(UNSUPPORT_PROPOSAL_MUTATION, REFETCH);
  if (settings.supportsState === 'HIDDEN') return null;
  if (!signedIn) {
    return (
      <p>
        <Link to="/connexion" state={{ from: location.pathname }}>
          {t('proposals.support.signIn')}
        </Link>
      </p>
    );
  }
  const blockedReason =
    settings.supportsState === 'BLOCKED'
      ? t('proposals.support.blocked')
      : proposal.withdrawnAt
        ? t('proposals.support.withdrawn')
        : proposal.viewerReaction === 'DISAGREE'
          ? t('proposals.support.disagreedFirst')
          : null;
  const busy = supportState.loading || unsupportState.loading;

  async function toggle() {
    feedback.clear();
    try {
      if (proposal.viewerSupports) {
        await unsupport({ variables: { proposalId: proposal.id } });
        feedback.succeed(t('proposals.support.unsupported'));
      } else {
        await support({ variables: { proposalId: proposal.id } });
        feedback.succeed(t('proposals.support.supported'));
      }
    } catch (error) {
      const info = parseApiError(error);
      feedback.fail(error, {
        UNAUTHENTICATED: t('proposals.signInRequired'),
        FORBIDDEN: proposal.withdrawnAt
          ? t('proposals.support.withdrawn')
          : t('proposals.support.blocked'),
        LIMIT_REACHED:
          info.reason === 'threshold'
            ? t('proposals.support.thresholdReached')
            : t('proposals.support.limitReached', { limit: settings.supportLimit }),
      });
    }
  }

  return (
    <div className="support-action">
      <button
        type="button"
        className={proposal.viewerSupports ? 'button' : 'button button--primary'}
        disabled={busy || Boolean(blockedReason)}
        aria-describedby={blockedReason ? reasonId : undefined}
        onClick={() => void toggle()}
      >
        {proposal.viewerSupports
          ? t('proposals.support.unsupport')
          : t('proposals.support.support')}
      </button>
      {blockedReason ? (
        <p id={reasonId} className="field__hint">
          {blockedReason}
        </p>
      ) : null}
      <FeedbackMessages feedback={feedback} />
    </div>
  );
}
