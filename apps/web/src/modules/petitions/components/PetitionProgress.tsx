import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Petition } from '../graphql/petitions';
import { progressPercent, remainingTime } from '../petition-display';

/** The signature count against the threshold as a labelled progress bar, and the time left while collecting. */
export function PetitionProgress({
  petition,
}: {
  petition: Pick<Petition, 'id' | 'signaturesCount' | 'threshold' | 'endsAt' | 'readAt' | 'state'>;
}) {
  const { t } = useTranslation();
  const [loadedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (petition.state !== 'PUBLISHED') return;
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, [petition.state]);
  const percent = progressPercent(petition.signaturesCount, petition.threshold);
  const labelId = `petition-progress-${petition.id}`;
  const left =
    petition.state === 'PUBLISHED'
      ? remainingTime(petition.endsAt, petition.readAt, now - loadedAt)
      : null;
  return (
    <div className="petition-progress">
      <p id={labelId} className="petition-progress__label">
        {t('petitions.progress', {
          count: petition.signaturesCount,
          threshold: petition.threshold.toLocaleString('fr-FR'),
          percent,
        })}
      </p>
      <progress
        aria-labelledby={labelId}
        max={petition.threshold}
        value={Math.min(petition.signaturesCount, petition.threshold)}
      />
      {left ? (
        <p className="petition-progress__remaining">
          {left.days > 0
            ? t('petitions.remainingDays', { count: left.days, hours: left.hours })
            : t('petitions.remainingHours', { count: left.hours, minutes: left.minutes })}
        </p>
      ) : null}
    </div>
  );
}

/** The state as a badge (« Ouverte », « Acceptée », …). */
export function PetitionStateBadge({ state }: { state: Petition['state'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--state badge--${state.toLowerCase()}`}>
      {t(`petitions.state.${state}`)}
    </span>
  );
}
