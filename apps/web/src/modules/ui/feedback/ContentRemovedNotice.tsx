import { RemovedContentKind, type ContentRemoved } from '@concerto/domain';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { contentRemovedStore } from '../../apollo/contentRemoved';

/** The sentence's parts, one per removed kind, in the order the API gives them. */
export function contentRemovedParts(
  removed: ContentRemoved,
  t: (key: string, options?: Record<string, unknown>) => string,
): string[] {
  return removed.kinds.map((kind) => {
    if (kind === RemovedContentKind.UNSAFE_LINKS)
      return t('editor.contentRemoved.kinds.UNSAFE_LINKS', { count: removed.unsafeLinks });
    if (kind === RemovedContentKind.OTHER)
      return t('editor.contentRemoved.kinds.OTHER', {
        names: removed.otherElements.map((name) => `<${name}>`).join(', '),
      });
    return t(`editor.contentRemoved.kinds.${kind}`);
  });
}

/**
 * Tells the author, after a save, what the server's sanitiser removed from their text (images,
 * scripts, unsafe links…): a visible notice in a polite live region, kept until dismissed or
 * until the author goes to another page. Focus stays where the action left it.
 */
export function ContentRemovedNotice() {
  const { t, i18n } = useTranslation();
  const report = useSyncExternalStore(
    contentRemovedStore.subscribe,
    contentRemovedStore.snapshot,
    contentRemovedStore.snapshot,
  );
  const { pathname } = useLocation();
  // a report belongs to the page it arrived on: going to another page forgets it
  const arrivedOn = useRef<{ sequence: number; pathname: string } | null>(null);
  if (report && arrivedOn.current?.sequence !== report.sequence)
    arrivedOn.current = { sequence: report.sequence, pathname };
  useEffect(() => {
    if (report && arrivedOn.current && arrivedOn.current.pathname !== pathname)
      contentRemovedStore.dismiss();
  }, [report, pathname]);
  const parts = report ? contentRemovedParts(report.removed, t) : [];
  const list = parts.length
    ? new Intl.ListFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
        style: 'long',
        type: 'conjunction',
      }).format(parts)
    : '';
  return (
    <div role="status" aria-live="polite" className="content-removed">
      {report && (
        <div className="message message--warning content-removed__message" key={report.sequence}>
          <p>{t('editor.contentRemoved.message', { list })}</p>
          <button
            type="button"
            className="button button--link"
            onClick={() => contentRemovedStore.dismiss()}
          >
            {t('editor.contentRemoved.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
