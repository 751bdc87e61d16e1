import { ErrorCode } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { errorMessage, parseApiError } from '../utils/apiError';
import { ErrorAlert } from './FeedbackMessages';
import { NotFoundPage } from './NotFoundPage';

/**
 * What a page shows when its query failed: the "Page introuvable" view for NOT_FOUND,
 * otherwise a page with the translated error and a retry button.
 */
export function QueryErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const info = parseApiError(error);
  if (info.code === ErrorCode.NOT_FOUND) return <NotFoundPage />;
  return <LoadFailed message={info} onRetry={onRetry} />;
}

function LoadFailed({
  message,
  onRetry,
}: {
  message: ReturnType<typeof parseApiError>;
  onRetry?: () => void;
}) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('errors.loadFailed'));
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t('errors.loadFailed')}</h1>
      <ErrorAlert message={errorMessage(message, t, i18n.language)} />
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </section>
  );
}
