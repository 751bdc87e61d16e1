import { Button } from 'react-aria-components/Button';
import { Dialog } from 'react-aria-components/Dialog';
import { Heading } from 'react-aria-components/Heading';
import { Modal, ModalOverlay } from 'react-aria-components/Modal';
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../../search/components/SearchBox';
import { AccountMenu } from './AccountMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';

/**
 * The small-screen menu: the header's links in a modal sheet (React Aria: focus moves into it,
 * stays trapped, Escape or a click outside closes it, and focus returns to the « Menu » button
 * that opened it). Its own chunk: React Aria's overlay code is fetched on the first opening only.
 */
export default function MenuSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(open) => !open && onClose()}
      className="menu-overlay"
    >
      <Modal className="menu-sheet">
        <Dialog className="menu-sheet__dialog">
          <div className="menu-sheet__header">
            <Heading slot="title">{t('layout.menuTitle')}</Heading>
            <Button className="button button--small" onPress={onClose}>
              {t('layout.closeMenu')}
            </Button>
          </div>
          <SearchBox className="search-box search-box--sheet" />
          <MainNav />
          <AccountMenu />
          <LanguageSwitch />
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
