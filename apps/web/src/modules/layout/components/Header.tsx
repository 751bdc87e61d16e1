import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AccountMenu } from './AccountMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';

/** The site header: brand, main navigation, account links and the language switch. */
export function Header() {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <div className="brand">
          <Link to="/" className="brand__name">
            {t('app.name')}
          </Link>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </div>
        <MainNav />
        <div className="site-header__tools">
          <AccountMenu />
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
