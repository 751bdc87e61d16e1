import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { formatDateTime } from '../../ui/utils/dates';
import { receiptFileText } from '../ballot-display';
import { BALLOT_QUERY } from '../graphql/ballots';
import { ReceiptExplanation } from './ReceiptExplanation';
import '../ballots.css';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/**
 * `/espaces/:slug/f/:componentId/votations/:ballotId/recu`: the receipt code, shown once — it
 * comes in the navigation state from the booth and is dropped from the history entry at once,
 * so neither a reload nor « back » shows it again (the server never stores it with the voter).
 * Copy and download (text file), and what the receipt proves and does not prove.
 */
export function ReceiptPage() {
  const { slug = '', componentId = '', ballotId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [code] = useState<string | null>(() => {
    const state = location.state as { receiptCode?: string; ballotId?: string } | null;
    return state?.ballotId === ballotId && typeof state.receiptCode === 'string'
      ? state.receiptCode
      : null;
  });
  const [copied, setCopied] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { data, error, refetch } = useQuery(BALLOT_QUERY, { variables: { id: ballotId } });
  useDocumentTitle(t('votes.receipt.title'));

  useEffect(() => {
    // shown once: forget the code in the history entry
    if (location.state) navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);
  const loaded = !!data;
  useEffect(() => {
    if (!loaded) return;
    // after the booth's confirmation dialog has closed and given focus back (its button is gone)
    // eslint-disable-next-line no-restricted-syntax -- deliberately after the dialog's own focus return
    const timer = window.setTimeout(() => headingRef.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, [loaded]);

  const ballot = data?.ballot;
  const fileHref = useMemo(() => {
    if (!ballot || !code) return null;
    const text = receiptFileText(ballot, code, formatDateTime(ballot.closesAt, i18n.language), t);
    return `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  }, [ballot, code, i18n.language, t]);

  if (error && !ballot) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!ballot) return <Loading page />;
  const ballotPath = `/espaces/${slug}/f/${componentId}/votations/${ballotId}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(code!);
      setCopied(t('votes.receipt.copied'));
    } catch {
      setCopied(t('votes.receipt.copyFailed'));
    }
  }

  return (
    <article className="page votes" aria-labelledby="page-title">
      <header className="page__header">
        <p className="eyebrow" lang={CONTENT_LANGUAGE}>
          {ballot.title}
        </p>
        <h1 id="page-title" ref={headingRef} tabIndex={-1}>
          {t('votes.receipt.title')}
        </h1>
      </header>
      {code ? (
        <section aria-labelledby="receipt-code" className="panel receipt">
          <h2 id="receipt-code">{t('votes.receipt.codeHeading')}</h2>
          <p>{t('votes.receipt.recorded')}</p>
          <p
            className="receipt__code"
            aria-label={t('votes.receipt.codeLabel', { code: code.split('').join(' ') })}
          >
            <code>{code}</code>
          </p>
          <p className="notice">{t('votes.receipt.onlyOnce')}</p>
          <div className="form__actions">
            <button type="button" className="button button--primary" onClick={() => void copy()}>
              {t('votes.receipt.copy')}
            </button>
            <a
              className="button"
              href={fileHref ?? undefined}
              download={`recu-votation-${ballot.id.slice(0, 8)}.txt`}
            >
              {t('votes.receipt.download')}
            </a>
          </div>
          <p
            role="status"
            aria-live="polite"
            className={copied ? 'message message--success' : 'message message--empty'}
          >
            {copied}
          </p>
        </section>
      ) : (
        <p className="notice">{t('votes.receipt.gone')}</p>
      )}
      <ReceiptExplanation closesAt={ballot.closesAt} />
      <p>
        <Link to={ballotPath}>{t('votes.receipt.back')}</Link> ·{' '}
        <Link to={`${ballotPath}/verifier`}>{t('votes.verify.link')}</Link>
      </p>
    </article>
  );
}
