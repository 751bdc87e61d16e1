import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';

type State = 'idle' | 'busy' | 'done' | 'unknown' | 'failed';

/**
 * `/lettre/se-desinscrire?jeton=…`: the page a newsletter's visible « Se désinscrire » link (and a
 * GET of its one-click address) leads to. Opening it changes nothing — mail scanners follow
 * links —; the button POSTs to `/lettre/desinscription/:jeton`, the same address mail clients
 * use for RFC 8058 one-click unsubscription. No sign-in needed: the token is the credential.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('newsletters.unsubscribe.title'));
  const [params] = useSearchParams();
  const token = params.get('jeton') ?? '';
  const [state, setState] = useState<State>('idle');
  const statusRef = useRef<HTMLParagraphElement>(null);

  async function unsubscribe() {
    if (state === 'busy') return;
    setState('busy');
    try {
      const response = await fetch(`/lettre/desinscription/${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'source=page',
        credentials: 'omit',
      });
      setState(response.ok ? 'done' : response.status === 404 ? 'unknown' : 'failed');
    } catch {
      setState('failed');
    }
    statusRef.current?.focus();
  }

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('newsletters.unsubscribe.title')}</h1>
      {!token ? (
        <p role="alert">{t('newsletters.unsubscribe.missing')}</p>
      ) : state === 'done' ? null : (
        <>
          <p>{t('newsletters.unsubscribe.intro')}</p>
          <button
            type="button"
            className="button button--primary"
            aria-disabled={state === 'busy' || undefined}
            onClick={() => void unsubscribe()}
          >
            {t('newsletters.unsubscribe.button')}
          </button>
        </>
      )}
      <p ref={statusRef} tabIndex={-1} role="status" aria-live="polite">
        {state === 'done'
          ? t('newsletters.unsubscribe.done')
          : state === 'unknown'
            ? t('newsletters.unsubscribe.unknown')
            : state === 'failed'
              ? t('newsletters.unsubscribe.failed')
              : ''}
      </p>
      {state === 'done' ? (
        <p>
          <Link to="/notifications">{t('newsletters.unsubscribe.account')}</Link>
        </p>
      ) : null}
    </section>
  );
}
