import { useEffect } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

function isUsable(element: Element | null): boolean {
  return (
    element instanceof HTMLElement &&
    element.isConnected &&
    !element.closest('[inert], [hidden]') &&
    !(element as HTMLButtonElement).disabled
  );
}

/**
 * The app-wide rule « focus never drops to `<body>` » after an action, written once.
 *
 * When the focused element loses focus without the user moving it (it was disabled while a
 * request runs, or re-rendered away: a button replaced by its result, a form reset), focus is
 * put back: on the same element once it is usable again, else on the closest remaining
 * element of the same region — its first focusable descendant, or the region itself
 * (given `tabindex="-1"`). Focus the user moves (a click elsewhere, Tab, leaving the window)
 * is left alone. Components that know better (focus the new comment, the error summary) move
 * focus themselves; this is the floor under them.
 */
export function useFocusKeeper(root: () => HTMLElement | null): void {
  useEffect(() => {
    let pointerAt = 0;
    let pointerTarget: EventTarget | null = null;
    let lost: { element: HTMLElement; ancestors: HTMLElement[]; at: number } | null = null;
    let frame = 0;

    const onPointerDown = (event: PointerEvent) => {
      pointerAt = performance.now();
      pointerTarget = event.target;
    };
    const onFocusIn = () => {
      lost = null;
    };
    const onFocusOut = (event: FocusEvent) => {
      const element = event.target;
      if (!(element instanceof HTMLElement) || event.relatedTarget || !document.hasFocus()) return;
      // A click elsewhere moved focus away on purpose; a click on the element itself did not.
      const clickedElsewhere =
        performance.now() - pointerAt < 300 &&
        !(pointerTarget instanceof Node && element.contains(pointerTarget));
      if (clickedElsewhere) return;
      const ancestors: HTMLElement[] = [];
      for (
        let node = element.parentElement;
        node && node !== document.body;
        node = node.parentElement
      )
        ancestors.push(node);
      lost = { element, ancestors, at: performance.now() };
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(check);
    };
    const check = () => {
      if (!lost) return;
      const active = document.activeElement;
      if (active && active !== document.body && active !== document.documentElement) {
        lost = null;
        return;
      }
      const { element, ancestors, at } = lost;
      if (isUsable(element)) {
        element.focus({ preventScroll: true });
        return;
      }
      // Disabled for a while (a request in flight): wait up to 10 s for it to come back.
      if (element.isConnected && performance.now() - at < 10_000) {
        frame = requestAnimationFrame(check);
        return;
      }
      const region =
        ancestors.find((node) => node.isConnected && node !== root()?.parentElement) ?? root();
      if (!region) return;
      const target = [...region.querySelectorAll<HTMLElement>(FOCUSABLE)].find(isUsable);
      if (target) {
        target.focus({ preventScroll: true });
      } else {
        if (!region.hasAttribute('tabindex')) region.setAttribute('tabindex', '-1');
        region.focus({ preventScroll: true });
      }
      lost = null;
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, [root]);
}
