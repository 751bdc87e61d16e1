import { useMutation, useQuery } from '@apollo/client/react';
import { DataExportRules, DataExportStatus } from '@concerto/domain';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { formatDateTime } from '../../ui/utils/dates';
import {
  MY_DATA_EXPORTS_QUERY,
  REQUEST_DATA_EXPORT_MUTATION,
  type DataExport,
} from '../graphql/account';

/**
 * "Télécharger mes données": request an export, follow its status (polled every 2 s while one
 * is being prepared), download it once while it is ready.
 */
export function DataExportSection() {
  const { t, i18n } = useTranslation();
  const feedback = useFeedback();
  const exports = useQuery(MY_DATA_EXPORTS_QUERY);
  const list = exports.data?.myDataExports ?? [];
  const preparing = list.some((e) => e.status === DataExportStatus.PENDING);
  const { startPolling, stopPolling } = exports;
  useEffect(() => {
    if (!preparing) return undefined;
    startPolling(2000);
    return () => stopPolling();
  }, [preparing, startPolling, stopPolling]);
  const [request, { loading }] = useMutation(REQUEST_DATA_EXPORT_MUTATION, {
    refetchQueries: [MY_DATA_EXPORTS_QUERY],
    awaitRefetchQueries: true,
  });

  async function ask() {
    feedback.clear();
    try {
      await request();
      feedback.succeed(t('account.exportRequested'));
    } catch (error) {
      feedback.fail(error, { CONFLICT: t('account.exportAlreadyPending') });
    }
  }

  const describe = (item: DataExport) => {
    const requested = t('account.exportRequestedAt', {
      date: formatDateTime(item.requestedAt, i18n.language),
    });
    const status = t(`account.exportStatus.${item.status}`);
    if (item.status === DataExportStatus.READY && item.expiresAt)
      return `${requested} — ${status} ${t('account.exportUntil', { date: formatDateTime(item.expiresAt, i18n.language) })}`;
    return `${requested} — ${status}`;
  };

  return (
    <section className="account-section" aria-labelledby="account-export">
      <h2 id="account-export">{t('account.exportTitle')}</h2>
      <p>{t('account.exportIntro', { days: DataExportRules.retentionDays })}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          if (!loading && !preparing) void ask();
        }}
        // not `disabled`: the button keeps the focus while the export is prepared (a disabled
        // button drops it to <body>); it says it is unavailable instead
        aria-disabled={loading || preparing}
      >
        {t('account.requestExport')}
      </button>
      <FeedbackMessages feedback={feedback} />
      {list.length > 0 ? (
        <ul className="account-exports" aria-label={t('account.exportList')}>
          {list.map((item) => (
            <li key={item.id}>
              <span>{describe(item)}</span>
              {item.downloadPath ? (
                <>
                  {' '}
                  <a
                    href={item.downloadPath}
                    download
                    className="button button--primary"
                    // the file is handed over once: show the new status shortly after
                    onClick={() => window.setTimeout(() => void exports.refetch(), 1500)}
                  >
                    {t('account.downloadExport')}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
