import type { ReactNode } from 'react';

/**
 * An empty list that says why it is empty and, when something can be done about it, offers it
 * (« Effacer les filtres »). `text` is the reason; `action` a button or link under it.
 */
export function EmptyState({ text, action }: { text: string; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state__text">{text}</p>
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}
