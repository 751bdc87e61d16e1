import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The site footer. */
export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t('layout.footer')}</p>
      <nav aria-label={t('layout.footerNavLabel')}>
        <Link to="/conditions">{t('layout.termsLink')}</Link> ·{' '}
        <Link to="/confidentialite">{t('layout.privacyLink')}</Link> ·{' '}
        <a href="/open-data.zip" download title={t('layout.openDataTitle')}>
          {t('layout.openDataLink')}
        </a>
      </nav>
    </footer>
  );
}
