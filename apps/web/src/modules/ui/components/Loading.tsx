import { useTranslation } from 'react-i18next';

/**
 * A polite "Chargement…" notice. As a page (`page`), it is the page's heading so that
 * every state of a page has exactly one `<h1>`.
 */
export function Loading({ page = false }: { page?: boolean }) {
  const { t } = useTranslation();
  if (page) {
    return (
      <section className="page" aria-busy="true">
        <h1 className="loading">
          <span role="status">{t('common.loading')}</span>
        </h1>
      </section>
    );
  }
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}
