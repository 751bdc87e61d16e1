import { useCallback, useRef } from 'react';
import { I18nProvider } from 'react-aria-components/I18nProvider';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { TermsGate } from '../../account/components/TermsGate';
import { LiveToasts } from '../../notifications/components/LiveToasts';
import { useFocusMainOnNavigation } from '../hooks/useFocusMainOnNavigation';
import { AnnouncerProvider } from '../../ui/feedback/Announcer';
import { ContentRemovedNotice } from '../../ui/feedback/ContentRemovedNotice';
import { useFocusKeeper } from '../../ui/feedback/useFocusKeeper';
import { localeOf } from '../../ui/utils/dates';
import { Footer } from './Footer';
import { Header } from './Header';

/** A one-off message passed in the navigation state (e.g. "Bienvenue" after sign-up). */
function flashOf(state: unknown): string {
  const flash = (state as { flash?: unknown } | null)?.flash;
  return typeof flash === 'string' ? flash : '';
}

/** Skip link, header, `<main id="contenu">` holding the page, footer. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  useFocusMainOnNavigation(main);
  useFocusKeeper(useCallback(() => main.current, []));
  const flash = flashOf(location.state);
  // React Aria's own strings (dialog dismiss buttons, combobox announcements) follow the UI language.
  const ariaLocale = localeOf(i18n.language);
  return (
    <I18nProvider locale={ariaLocale}>
      <AnnouncerProvider>
        <div className="app">
          <a href="#contenu" className="skip-link">
            {t('layout.skipLink')}
          </a>
          <Header />
          <LiveToasts />
          <main id="contenu" ref={main} tabIndex={-1} className="site-main">
            <div
              role="status"
              aria-live="polite"
              className={flash ? 'message message--success flash' : 'message message--empty'}
            >
              {flash}
            </div>
            <TermsGate>
              <Outlet />
            </TermsGate>
          </main>
          {/* after the page in reading order: it speaks of what the page just did */}
          <ContentRemovedNotice />
          <Footer />
        </div>
      </AnnouncerProvider>
    </I18nProvider>
  );
}
