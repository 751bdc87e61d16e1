import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  CONTENT_REMOVED_EXTENSION,
  RemovedContentKind,
  removedContentKindOf,
  type ContentRemoved,
} from '@concerto/domain';
import type { NextFunction, Request, Response } from 'express';

/** What one sanitised input lost (before merging). */
export interface Removal {
  kinds: Set<RemovedContentKind>;
  unsafeLinks: number;
  otherElements: Set<string>;
  /** Open `<svg>`/`<math>` elements being dropped: their inner elements are not reported apart. */
  opaqueDepth: number;
}

/** Elements dropped with everything inside them, reported once as what they are. */
const OPAQUE = new Set(['svg', 'math']);

/** Per request: what each sanitised input lost, keyed by the input (a retried transaction sanitises the same text again and must not count it twice). */
const removals = new AsyncLocalStorage<Map<string, Removal>>();

/** An empty removal, to fill while sanitising. */
export function emptyRemoval(): Removal {
  return { kinds: new Set(), unsafeLinks: 0, otherElements: new Set(), opaqueDepth: 0 };
}

/**
 * Records an element the sanitiser dropped (nothing when its removal is invisible, see
 * `removedContentKindOf`).
 * @param removal the input's removal being filled
 * @param tag the element's name
 */
export function noteRemovedElement(removal: Removal, tag: string): void {
  const name = tag.toLowerCase();
  if (OPAQUE.has(name)) removal.opaqueDepth++;
  if (removal.opaqueDepth > (OPAQUE.has(name) ? 1 : 0)) return;
  const kind = removedContentKindOf(name);
  if (!kind) return;
  removal.kinds.add(kind);
  if (kind === RemovedContentKind.OTHER) removal.otherElements.add(name);
}

/**
 * Notes the end of an element (the sanitiser's `onCloseTag`): leaving a dropped `<svg>` or
 * `<math>` reports inner elements again.
 * @param removal the input's removal being filled
 * @param tag the element's name
 */
export function noteClosedElement(removal: Removal, tag: string): void {
  if (removal.opaqueDepth && OPAQUE.has(tag.toLowerCase())) removal.opaqueDepth--;
}

/**
 * Keeps what sanitising `input` removed for the response of the request under way (nothing
 * outside a request: demo loading, workers). Called by the sanitisers, not by features.
 * @param input the text as submitted
 * @param removal what it lost
 */
export function reportRemoval(input: string, removal: Removal): void {
  if (!removal.kinds.size && !removal.unsafeLinks) return;
  removals.getStore()?.set(input, removal);
}

/** What the request under way has removed so far from the texts it sanitised, or null. */
export function contentRemovedInRequest(): ContentRemoved | null {
  const store = removals.getStore();
  if (!store?.size) return null;
  const kinds = new Set<RemovedContentKind>();
  const otherElements = new Set<string>();
  let unsafeLinks = 0;
  for (const removal of store.values()) {
    removal.kinds.forEach((k) => kinds.add(k));
    removal.otherElements.forEach((e) => otherElements.add(e));
    unsafeLinks += removal.unsafeLinks;
  }
  if (unsafeLinks) kinds.add(RemovedContentKind.UNSAFE_LINKS);
  return {
    kinds: Object.values(RemovedContentKind).filter((k) => kinds.has(k)),
    unsafeLinks,
    otherElements: [...otherElements].sort(),
  };
}

/** Express middleware: the rest of the request collects what its sanitisers remove. */
export function collectContentRemoved(_req: Request, _res: Response, next: NextFunction): void {
  removals.run(new Map(), next);
}

/**
 * Apollo plugin: a mutation that succeeded and whose sanitisers removed something says so in
 * `extensions.contentRemoved` (a {@link ContentRemoved}); the web app tells the author. Failed
 * mutations stored nothing and say nothing of it; queries never sanitise.
 */
export function contentRemovedPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operation }) {
          if (operation?.operation !== 'mutation' || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length) return;
          const removed = contentRemovedInRequest();
          if (removed)
            result.extensions = { ...result.extensions, [CONTENT_REMOVED_EXTENSION]: removed };
        },
      };
    },
  };
}
