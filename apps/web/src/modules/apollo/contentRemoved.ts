import { ApolloLink } from '@apollo/client';
import { CONTENT_REMOVED_EXTENSION, type ContentRemoved } from '@concerto/domain';
import { tap } from 'rxjs';

/** The last report of content the server removed from what the author submitted, and when. */
export interface ContentRemovedReport {
  removed: ContentRemoved;
  /** Increases with each report, so the same report twice is shown twice. */
  sequence: number;
}

let latest: ContentRemovedReport | null = null;
/** Never reset (a dismissed report must not make the next one look like it). */
let sequence = 0;
const listeners = new Set<() => void>();

function publish(next: ContentRemovedReport | null): void {
  latest = next;
  listeners.forEach((listener) => listener());
}

/** Store for `useSyncExternalStore`: the latest report (null when none or dismissed). */
export const contentRemovedStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot: (): ContentRemovedReport | null => latest,
  /** Forgets the report shown (the author dismissed it). */
  dismiss: (): void => publish(null),
  /** Shows a report (what {@link contentRemovedLink} does on a response that carries one). */
  report: (removed: ContentRemoved): void => publish({ removed, sequence: ++sequence }),
};

/** A well-formed `extensions.contentRemoved`, or null. */
function readContentRemoved(value: unknown): ContentRemoved | null {
  const candidate = value as Partial<ContentRemoved> | null | undefined;
  if (!candidate || !Array.isArray(candidate.kinds) || !candidate.kinds.length) return null;
  return {
    kinds: candidate.kinds,
    unsafeLinks: typeof candidate.unsafeLinks === 'number' ? candidate.unsafeLinks : 0,
    otherElements: Array.isArray(candidate.otherElements) ? candidate.otherElements : [],
  };
}

/**
 * Apollo link: a mutation whose response says the server removed part of the submitted text
 * (`extensions.contentRemoved`, see the API's `content-removed.ts`) is reported to
 * {@link contentRemovedStore}, which `ContentRemovedNotice` shows to the author.
 */
export const contentRemovedLink = new ApolloLink((operation, forward) =>
  forward(operation).pipe(
    tap((result) => {
      const removed = readContentRemoved(result.extensions?.[CONTENT_REMOVED_EXTENSION]);
      if (removed) contentRemovedStore.report(removed);
    }),
  ),
);
