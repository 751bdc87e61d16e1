import { useTranslation } from 'react-i18next';
import { SHELL_HEADING_ATTRIBUTE, shellHeadingFor } from '../../layout/shell/shellHeading';

/**
 * A polite "Chargement…" notice. As a page (`page`), it is the page's heading so that
 * every state of a page has exactly one `<h1>`; when the page's title is known before its data
 * (`heading`, or the one the server put in the HTML for this path), the title is the heading and
 * « Chargement… » the status under it.
 */
export function Loading({ page = false, heading }: { page?: boolean; heading?: string }) {
  const { t } = useTranslation();
  if (page) {
    const title =
      heading ?? (typeof window === 'undefined' ? '' : shellHeadingFor(window.location.pathname));
    if (title) {
      return (
        <section className="page" aria-busy="true">
          <h1 {...{ [SHELL_HEADING_ATTRIBUTE]: '' }}>{title}</h1>
          <p role="status" className="loading">
            {t('common.loading')}
          </p>
        </section>
      );
    }
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
