import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * State of an inline editor opened by a button (the survey builder's "Modifier" and
 * "Renommer"): focus goes to the first field on opening and back to the button on closing
 * (save, cancel or Escape), as the WAI-ARIA disclosure pattern expects.
 * @returns `open`/`setOpen`, refs for the button and the first field, and an `onKeyDown` for the
 *          form that closes it on Escape
 */
export function useInlineEditor() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const wasOpen = useRef(false);
  useLayoutEffect(() => {
    if (open) fieldRef.current?.focus();
    else if (wasOpen.current) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
    }
  };
  return { open, setOpen, buttonRef, fieldRef, onKeyDown };
}
