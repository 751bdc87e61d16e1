import { useTranslation } from 'react-i18next';

/** The site footer. */
export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t('layout.footer')}</p>
    </footer>
  );
}
