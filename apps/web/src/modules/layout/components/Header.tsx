import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { AccountMenu } from './AccountMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { SearchBox } from '../../search/components/SearchBox';

const loadMenuSheet = () => import('./MenuSheet');
const MenuSheet = lazy(loadMenuSheet);

/**
 * The site header: brand, main navigation, account links and the language switch on one row
 * on wide screens; below 64 rem a « Menu » button opens the same links in a modal sheet
 * ({@link MenuSheet}, loaded on first use — fetched as soon as a pointer or focus reaches the
 * button). Following a link closes the sheet.
 */
export function Header() {
  const { t } = useTranslation();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname, location.search]);
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <div className="brand">
          <Link to="/" className="brand__name">
            {t('app.name')}
          </Link>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </div>
        <div className="site-header__nav">
          <MainNav />
          <div className="site-header__tools">
            <SearchBox
              key={location.search}
              initial={new URLSearchParams(location.search).get('q') ?? ''}
            />
            <AccountMenu />
            <LanguageSwitch />
          </div>
        </div>
        <button
          type="button"
          className="button site-header__menu-button"
          aria-haspopup="dialog"
          aria-expanded={menuOpen}
          onPointerEnter={() => void loadMenuSheet()}
          onFocus={() => void loadMenuSheet()}
          onClick={() => setMenuOpen(true)}
        >
          <span aria-hidden="true">☰</span> {t('layout.menu')}
        </button>
        {menuOpen && (
          <Suspense fallback={null}>
            <MenuSheet onClose={() => setMenuOpen(false)} />
          </Suspense>
        )}
      </div>
    </header>
  );
}
