import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

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
