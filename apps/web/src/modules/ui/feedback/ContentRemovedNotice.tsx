import { RemovedContentKind, type ContentRemoved } from '@concerto/domain';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { contentRemovedStore } from '../../apollo/contentRemoved';
import { localeOf } from '../utils/dates';

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
 * replaced by the next report — also across the navigation a save often triggers (a new proposal
 * opens its page). Focus stays where the action left it; dismissing returns it there (or to the
 * page's main region when that element is gone).
 */
export function ContentRemovedNotice() {
  const { t, i18n } = useTranslation();
  const report = useSyncExternalStore(
    contentRemovedStore.subscribe,
    contentRemovedStore.snapshot,
    contentRemovedStore.snapshot,
  );
  // where the author was when the report came, to go back there after dismissing
  const returnTo = useRef<HTMLElement | null>(null);
  const sequence = report?.sequence;
  useEffect(() => {
    if (sequence === undefined) return;
    const active = document.activeElement;
    returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }, [sequence]);
  const dismiss = () => {
    const back = returnTo.current;
    contentRemovedStore.dismiss();
    if (back?.isConnected) back.focus();
    else document.getElementById('contenu')?.focus();
  };
  const parts = report ? contentRemovedParts(report.removed, t) : [];
  const list = parts.length
    ? new Intl.ListFormat(localeOf(i18n.language), {
        style: 'long',
        type: 'conjunction',
      }).format(parts)
    : '';
  return (
    <div role="status" aria-live="polite" className="content-removed">
      {report && (
        <div className="message message--warning content-removed__message" key={report.sequence}>
          <p>{t('editor.contentRemoved.message', { list })}</p>
          <button type="button" className="button button--link" onClick={dismiss}>
            {t('editor.contentRemoved.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
