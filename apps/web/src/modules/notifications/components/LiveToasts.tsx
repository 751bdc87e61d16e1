import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveConnection } from '../live/LiveConnection';
import '../notifications.css';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

const TOAST_MS = 8000;

/**
 * Toasts for notifications received live (a polite live region, so screen readers announce
 * them without interrupting), each dismissable and gone after 8 s; and the visible
 * "reconnecting" banner while the live connection is down.
 */
export function LiveToasts() {
  const { t } = useTranslation();
  const { received, dismiss, status } = useLiveConnection();
  const [wasConnected, setWasConnected] = useState(false);
  const shown = received.slice(0, 3);

  useEffect(() => {
    if (status === 'connected') setWasConnected(true);
  }, [status]);

  useEffect(() => {
    if (!shown.length) return;
    const timers = shown.map((n) => setTimeout(() => dismiss(n.id), TOAST_MS));
    return () => timers.forEach(clearTimeout);
  }, [shown, dismiss]);

  return (
    <>
      <div
        role="status"
        aria-live="polite"
        className={
          status === 'reconnecting' && wasConnected
            ? 'live-banner'
            : 'live-banner live-banner--hidden'
        }
      >
        {status === 'reconnecting' && wasConnected ? t('notifications.reconnecting') : ''}
      </div>
      <section aria-label={t('notifications.toastRegion')} className="toasts">
        <ul aria-live="polite">
          {shown.map((n) => (
            <li key={n.id} className="toast">
              <p className="toast__title" lang={CONTENT_LANGUAGE}>
                {n.title}
              </p>
              <p className="toast__body">
                <Link to={n.link} lang={CONTENT_LANGUAGE}>
                  {n.body}
                </Link>
              </p>
              <button
                type="button"
                className="button button--link toast__close"
                onClick={() => dismiss(n.id)}
              >
                {t('notifications.dismiss')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
