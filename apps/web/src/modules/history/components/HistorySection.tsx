import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../history.css';
import {
  ARTICLE_HISTORY_QUERY,
  HISTORY_SIZE,
  MOTION_HISTORY_QUERY,
  PROPOSAL_HISTORY_QUERY,
  type HistoryEntry,
} from '../graphql/history';
import { DateTime } from '../../ui/components/DateTime';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** What has a public history. */
export type HistoryKind = 'proposal' | 'motion' | 'article';

/**
 * "Historique": the public journal lines of a proposal, a motion or an article (newest first),
 * each with its translated action, who acted and when, and the server's short summary.
 * Loaded on its own query, only where it is rendered (detail views).
 */
export function HistorySection({
  kind,
  id,
  headingLevel = 2,
}: {
  kind: HistoryKind;
  id: string;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="panel history" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('history.heading')}</Heading>
      <HistoryContent kind={kind} id={id} />
    </section>
  );
}

/**
 * "Historique" folded in a `<details>` (motion cards on the board): the query runs only once
 * the reader opens it, so a board of many motions costs nothing until asked.
 */
export function HistoryDetails({ kind, id }: { kind: HistoryKind; id: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('history.show')}</summary>
      {open ? <HistoryContent kind={kind} id={id} /> : null}
    </details>
  );
}

/** The list, or its loading, empty or error message. */
function HistoryContent({ kind, id }: { kind: HistoryKind; id: string }) {
  const { t } = useTranslation();
  const { entries, loading, error } = useHistory(kind, id);
  return (
    <>
      {error && !entries ? (
        <p className="muted">{t('history.loadFailed')}</p>
      ) : loading && !entries ? (
        <p className="muted">{t('common.loading')}</p>
      ) : entries && entries.length ? (
        <HistoryList entries={entries} />
      ) : (
        <p className="muted">{t('history.empty')}</p>
      )}
    </>
  );
}

/** The entries as an ordered list (newest first). */
export function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation();
  return (
    <ol className="history__list">
      {entries.map((entry) => (
        <li key={entry.id} className="history__item">
          <p>
            <strong>
              {t(`actionLog.actions.${entry.action}`, { defaultValue: entry.action })}
            </strong>
            {entry.resourceType === 'amendment'
              ? ` (${t('actionLog.resourceTypes.amendment')})`
              : ''}
            {entry.actorName ? ` · ${t('history.by', { name: entry.actorName })}` : ''} ·{' '}
            <DateTime iso={entry.createdAt} style="short" />
          </p>
          {entry.summary ? (
            <p className="muted" lang={CONTENT_LANGUAGE}>
              {entry.summary}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function useHistory(
  kind: HistoryKind,
  id: string,
): { entries: HistoryEntry[] | undefined; loading: boolean; error: unknown } {
  const variables = { id, first: HISTORY_SIZE };
  const options = { variables, fetchPolicy: 'cache-and-network' as const };
  const proposal = useQuery(PROPOSAL_HISTORY_QUERY, { ...options, skip: kind !== 'proposal' });
  const motion = useQuery(MOTION_HISTORY_QUERY, { ...options, skip: kind !== 'motion' });
  const article = useQuery(ARTICLE_HISTORY_QUERY, { ...options, skip: kind !== 'article' });
  if (kind === 'proposal')
    return {
      entries: proposal.data?.proposal.history,
      loading: proposal.loading,
      error: proposal.error,
    };
  if (kind === 'motion')
    return { entries: motion.data?.motion.history, loading: motion.loading, error: motion.error };
  return { entries: article.data?.articleHistory, loading: article.loading, error: article.error };
}
