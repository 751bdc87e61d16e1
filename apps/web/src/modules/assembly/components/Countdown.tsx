import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A live countdown to `target`, corrected by the server clock (`serverNow` read with the data,
 * so a wrong browser clock does not shift it). Calls `onElapsed` once when it reaches zero.
 * Not a live region: a screen reader reads it on demand rather than every second. `event` says
 * what the countdown leads to: the close (default) or the opening of the vote.
 */
export function Countdown({
  target,
  serverNow,
  onElapsed,
  event = 'closes',
}: {
  target: string;
  serverNow: string;
  onElapsed?: () => void;
  event?: 'opens' | 'closes';
}) {
  const { t } = useTranslation();
  const skew = useRef(new Date(serverNow).getTime() - Date.now());
  const [now, setNow] = useState(() => Date.now() + skew.current);
  const fired = useRef(false);
  useEffect(() => {
    skew.current = new Date(serverNow).getTime() - Date.now();
  }, [serverNow]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + skew.current), 1000);
    return () => clearInterval(timer);
  }, []);
  const remaining = Math.max(0, new Date(target).getTime() - now);
  useEffect(() => {
    if (remaining === 0 && !fired.current) {
      fired.current = true;
      onElapsed?.();
    }
  }, [remaining, onElapsed]);
  const s = Math.floor(remaining / 1000);
  const parts = {
    days: Math.floor(s / 86400),
    hours: Math.floor((s % 86400) / 3600),
    minutes: Math.floor((s % 3600) / 60),
    seconds: s % 60,
  };
  return (
    <span className="countdown">
      {t(event === 'opens' ? 'assembly.countdownOpens' : 'assembly.countdown', parts)}
    </span>
  );
}
