import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { i18n } from '../i18n/i18n';

// Pages are lazy chunks: on a loaded machine (CI, two cores) their first import can take more
// than Testing Library's default 1 s, and `findBy…`/`waitFor` then failed one run in a few.
// A longer bound only matters when the element is slow to come; it never makes a test pass
// that should fail.
configure({ asyncUtilTimeout: 5_000 });

afterEach(async () => {
  // Some specs run in the node environment (no DOM).
  if (typeof document === 'undefined') return;
  cleanup();
  await i18n.changeLanguage('fr');
  localStorage.clear();
  sessionStorage.clear();
  document.title = '';
});

// jsdom has no layout: ProseMirror (the rich text editor) asks for rectangles to scroll the
// selection into view and for the element under the pointer. Empty answers are enough.
if (typeof document !== 'undefined') {
  const emptyRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  const emptyRect = () => new DOMRect(0, 0, 0, 0);
  for (const proto of [Range.prototype, Element.prototype] as Array<{
    getClientRects?: () => DOMRectList;
    getBoundingClientRect?: () => DOMRect;
  }>) {
    proto.getClientRects ??= emptyRects;
    proto.getBoundingClientRect ??= emptyRect;
  }
  document.elementFromPoint ??= () => null;
}
