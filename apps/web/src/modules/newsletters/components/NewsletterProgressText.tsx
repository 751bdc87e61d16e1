import { useTranslation } from 'react-i18next';

/** « Envoyées : 12 ; en échec : 0 ; en attente : 3 ; total : 15 », counted by the API at the read. */
export function NewsletterProgressText({
  progress,
}: {
  progress: { total: number; pending: number; sent: number; failed: number };
}) {
  const { t } = useTranslation();
  return (
    <p className="newsletters__progress" data-testid="newsletter-progress">
      {t('newsletters.progress', progress)}
    </p>
  );
}
