import { useLayoutEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/**
 * Moves the focus to `<main>` after each client-side navigation (not on the first load),
 * so that keyboard and screen-reader users start reading the new page.
 */
export function useFocusMainOnNavigation(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Back to the top of the new page, then start reading at <main>.
    document.documentElement.scrollTop = 0;
    document.body.scrollTop = 0;
    main.current?.focus({ preventScroll: true });
  }, [pathname, main]);
}
