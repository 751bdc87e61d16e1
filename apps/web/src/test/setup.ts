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

// jsdom has no layout: ProseMirror (the rich text editor) asks a Range for its rectangles to
// scroll the selection into view. Empty answers are enough.
if (typeof document !== 'undefined') {
  const proto = Range.prototype as Partial<Pick<Range, 'getClientRects' | 'getBoundingClientRect'>>;
  proto.getClientRects ??= () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  proto.getBoundingClientRect ??= () => new DOMRect(0, 0, 0, 0);
}
