import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components/Button';
import { Dialog, DialogTrigger } from 'react-aria-components/Dialog';
import { Heading } from 'react-aria-components/Heading';
import { Modal, ModalOverlay } from 'react-aria-components/Modal';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { AccountMenu } from './AccountMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { SearchBox } from '../../search/components/SearchBox';

/**
 * The site header: brand, main navigation, account links and the language switch on one row
 * on wide screens; below 64 rem a « Menu » button opens the same links in a modal sheet
 * (React Aria: focus moves into it, stays trapped, Escape closes it and focus returns to the
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
            <SearchBox key={location.search} initial={new URLSearchParams(location.search).get('q') ?? ''} />
            <AccountMenu />
            <LanguageSwitch />
          </div>
        </div>
        <DialogTrigger isOpen={menuOpen} onOpenChange={setMenuOpen}>
          <Button className="button site-header__menu-button">
            <span aria-hidden="true">☰</span> {t('layout.menu')}
          </Button>
          <ModalOverlay isDismissable className="menu-overlay">
            <Modal className="menu-sheet">
              <Dialog className="menu-sheet__dialog">
                {({ close }) => (
                  <>
                    <div className="menu-sheet__header">
                      <Heading slot="title">{t('layout.menuTitle')}</Heading>
                      <Button className="button button--small" onPress={close}>
                        {t('layout.closeMenu')}
                      </Button>
                    </div>
                    <SearchBox className="search-box search-box--sheet" />
                    <MainNav />
                    <AccountMenu />
                    <LanguageSwitch />
                  </>
                )}
              </Dialog>
            </Modal>
          </ModalOverlay>
        </DialogTrigger>
      </div>
    </header>
  );
}
