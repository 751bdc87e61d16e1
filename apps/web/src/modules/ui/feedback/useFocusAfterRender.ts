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

/** How long focus may wait for a modal dialog to close (about 3 s at 60 frames a second). */
const MAX_WAIT_FRAMES = 180;

/**
 * Moves focus with `move` now, or, while `element` is behind an open modal dialog (React Aria
 * makes the rest of the page inert), at the first frame after the dialog has closed (waiting at
 * most {@link MAX_WAIT_FRAMES} frames), so the dialog's own return of focus (to a button that may
 * be gone) does not have the last word.
 * @returns a cancel for the frames still to come (an effect's clean-up)
 */
export function focusOnceNotInert(
  element: Focusable,
  move: (element: Focusable) => void = (target) => target.focus(),
): () => void {
  let frame = 0;
  let frames = 0;
  const attempt = () => {
    if (!(element instanceof Element) || element.closest('[inert]') === null) move(element);
    else if (frames++ < MAX_WAIT_FRAMES) frame = requestAnimationFrame(attempt);
  };
  attempt();
  return () => cancelAnimationFrame(frame);
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
 * An element behind an open modal dialog (inert) takes the focus once the dialog has closed: an
 * action confirmed in a `ConfirmButton` dialog moves focus to its result, not to wherever
 * the dialog would return it.
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
    if (element) return focusOnceNotInert(element, move);
    // missing after the commit (it appears after a refetch): one more try on the next frame
    let cancelWait: (() => void) | null = null;
    const frame = requestAnimationFrame(() => {
      const later = resolve(next.target);
      if (later) cancelWait = focusOnceNotInert(later, move);
    });
    return () => {
      cancelAnimationFrame(frame);
      cancelWait?.();
    };
  }, [request]);

  return useCallback((target: FocusTarget, options?: { select?: boolean }) => {
    pending.current = { target, select: options?.select ?? false };
    setRequest((n) => n + 1);
  }, []);
}
