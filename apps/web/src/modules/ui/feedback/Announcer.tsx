import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;

const AnnouncerContext = createContext<Announce>(() => undefined);

/**
 * One polite live region for the whole app (`role="status"`, visually hidden). Actions say
 * what happened through {@link useAnnounce}; the same message twice is announced twice (the
 * region is cleared first).
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback<Announce>((next) => {
    clearTimeout(timer.current);
    setMessage('');
    // A new text node after a tick, so screen readers announce a repeated message again.
    timer.current = setTimeout(() => setMessage(next), 50);
  }, []);
  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className="visually-hidden"
        data-testid="announcer"
      >
        {message}
      </div>
    </AnnouncerContext.Provider>
  );
}

/** Says a message in the app's polite live region (see {@link AnnouncerProvider}). */
export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}
