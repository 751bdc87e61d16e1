import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Anything focus can move to: an element, or a handle such as the rich-text editor's. */
export interface Focusable {
  focus(): void;
}

/** Where focus goes: a ref, or a lookup run once the render has been committed. */
export type FocusTarget = RefObject<Focusable | null> | (() => Focusable | null | undefined);

interface PendingFocus {
  target: FocusTarget;
  select: boolean;
}

function resolve(target: FocusTarget): Focusable | null {
  return (typeof target === 'function' ? target() : target.current) ?? null;
}

/**
 * Moves focus to an element that the current state change is about to render (a result
 * heading, the field after a reset, the edit button after a form closes).
 *
 * Returns `focusAfterRender(target, { select })`: call it beside the state updates; focus
 * moves in the layout effect of the commit that includes them, so the element exists and
 * the move happens before the browser paints. It replaces `requestAnimationFrame(() =>
 * ref.current?.focus())`, which races React: on a loaded machine the frame can come before
 * the commit, the element is not there yet, and the focus keeper (`useFocusKeeper`) then
 * puts focus back on the button that was pressed. When the element is still missing after
 * the commit (it appears only after a refetch), one more try is made on the next frame.
 *
 * `select: true` also selects an input's text (a URL to copy).
 */
export function useFocusAfterRender(): (
  target: FocusTarget,
  options?: { select?: boolean },
) => void {
  const pending = useRef<PendingFocus | null>(null);
  const [request, setRequest] = useState(0);

  useLayoutEffect(() => {
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    const move = (element: Focusable) => {
      element.focus();
      if (next.select && element instanceof HTMLInputElement) element.select();
    };
    const element = resolve(next.target);
    if (element) {
      move(element);
      return;
    }
    const frame = requestAnimationFrame(() => {
      const later = resolve(next.target);
      if (later) move(later);
    });
    return () => cancelAnimationFrame(frame);
  }, [request]);

  return useCallback((target: FocusTarget, options?: { select?: boolean }) => {
    pending.current = { target, select: options?.select ?? false };
    setRequest((n) => n + 1);
  }, []);
}
