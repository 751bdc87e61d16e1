import { useMutation } from '@apollo/client/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { parseApiError } from '../../ui/utils/apiError';
import {
  DISAGREE_PROPOSAL_MUTATION,
  WITHDRAW_DISAGREEMENT_MUTATION,
  type ProposalDetail,
  type ProposalSettings,
} from '../graphql/proposals';

const REFETCH = { refetchQueries: ['ProposalComponent'] };

interface DisagreeButtonProps {
  proposal: Pick<ProposalDetail, 'id' | 'viewerReaction' | 'withdrawnAt' | 'disagreementsCount'>;
  settings: ProposalSettings;
  signedIn: boolean;
}

/**
 * « Pas d'accord » / « Retirer mon pas d'accord », beside « Soutenir » where the component enables
 * it, with the count. A support and a « pas d'accord » exclude each other: the button is disabled,
 * with the reason, while the caller supports the proposal (and when reactions are closed or the
 * proposal is withdrawn). The button is a toggle (`aria-pressed`); refusals are explained in a
 * live alert.
 */
export function DisagreeButton({ proposal, settings, signedIn }: DisagreeButtonProps) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const reasonId = useId();
  const [disagree, disagreeState] = useMutation(DISAGREE_PROPOSAL_MUTATION, REFETCH);
  const [withdraw, withdrawState] = useMutation(WITHDRAW_DISAGREEMENT_MUTATION, REFETCH);
  if (!settings.disagreementsEnabled || settings.supportsState === 'HIDDEN') return null;
  const count = proposal.disagreementsCount ?? 0;
  if (!signedIn) return <p className="muted">{t('proposals.disagree.count', { count })}</p>;
  const disagreed = proposal.viewerReaction === 'DISAGREE';
  const blockedReason = disagreed
    ? null
    : settings.supportsState === 'BLOCKED'
      ? t('proposals.support.blocked')
      : proposal.withdrawnAt
        ? t('proposals.disagree.withdrawn')
        : proposal.viewerReaction === 'SUPPORT'
          ? t('proposals.disagree.supportedFirst')
          : null;
  const busy = disagreeState.loading || withdrawState.loading;

  async function toggle() {
    feedback.clear();
    try {
      if (disagreed) {
        await withdraw({ variables: { proposalId: proposal.id } });
        feedback.succeed(t('proposals.disagree.withdrawnDone'));
      } else {
        await disagree({ variables: { proposalId: proposal.id } });
        feedback.succeed(t('proposals.disagree.done'));
      }
    } catch (error) {
      const info = parseApiError(error);
      feedback.fail(error, {
        UNAUTHENTICATED: t('proposals.signInRequired'),
        FORBIDDEN:
          info.reason === 'withdrawn'
            ? t('proposals.disagree.withdrawn')
            : info.reason === 'disagreementsDisabled'
              ? t('proposals.disagree.disabled')
              : t('proposals.support.blocked'),
        CONFLICT: t('proposals.disagree.supportedFirst'),
      });
    }
  }

  return (
    <div className="support-action">
      <button
        type="button"
        className={disagreed ? 'button button--primary' : 'button'}
        aria-pressed={disagreed}
        disabled={busy || Boolean(blockedReason)}
        aria-describedby={blockedReason ? reasonId : undefined}
        onClick={() => void toggle()}
      >
        {t('proposals.disagree.button')}
      </button>{' '}
      <span className="muted">{t('proposals.disagree.count', { count })}</span>
      {blockedReason ? (
        <p id={reasonId} className="field__hint">
          {blockedReason}
        </p>
      ) : null}
      <FeedbackMessages feedback={feedback} />
    </div>
  );
}
