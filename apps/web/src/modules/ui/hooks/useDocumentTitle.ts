import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { shellHeadingFor } from '../../layout/shell/shellHeading';

/**
 * Sets `document.title` to "<page> · Concerto" while the page is shown.
 * @param page the page's name; null/undefined leaves the title alone (e.g. when a child
 * view such as "Page introuvable" sets its own)
 */
export function useDocumentTitle(page: string | null | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    if (page) document.title = t('app.documentTitle', { page });
  }, [page, t]);
}

/**
 * The document title while a page's data loads: « Chargement… », or null (the title stays as it
 * is) on the page the app was loaded at when the server already titled it (`shellHeading.ts`).
 */
export function useLoadingTitle(): string | null {
  const { t } = useTranslation();
  return shellHeadingFor(useLocation().pathname) ? null : t('common.loading');
}
