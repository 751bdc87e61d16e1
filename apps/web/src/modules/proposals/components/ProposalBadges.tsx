import { useTranslation } from 'react-i18next';
import type { ProposalState } from '../graphql/proposals';

/** The state of a proposal as a coloured badge ("Acceptée", "Sans réponse", …). */
export function ProposalStateBadge({ state }: { state: ProposalState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--state badge--${state.toLowerCase()}`}>
      {t(`proposals.state.${state}`)}
    </span>
  );
}

/**
 * A proposal's supports: "N soutiens", and a progress bar toward the threshold when there is one.
 * Renders nothing when the component hides supports (`count` null).
 */
export function SupportProgress({ count, threshold }: { count: number | null; threshold: number }) {
  const { t } = useTranslation();
  if (count === null) return null;
  if (threshold <= 0)
    return <span className="support-count">{t('proposals.supportsCount', { count })}</span>;
  const label = t('proposals.supportsProgress', { count, threshold });
  return (
    <span className="support-progress">
      <span className="support-count">{label}</span>
      {count >= threshold ? (
        <span className="badge badge--accepted">{t('proposals.thresholdReached')}</span>
      ) : null}
      <progress
        className="support-progress__bar"
        max={threshold}
        value={Math.min(count, threshold)}
        aria-label={label}
      />
    </span>
  );
}
