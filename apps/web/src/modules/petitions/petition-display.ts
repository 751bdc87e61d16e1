import type { Petition, PetitionSort } from './graphql/petitions';

/**
 * Display rules of petitions (pure, tested): progress towards the threshold, remaining time
 * measured on the server's clock (`endsAt − readAt`, so a wrong client clock changes nothing),
 * and the list's orders.
 */

/**
 * Progress towards the threshold, in whole percent, capped at 100.
 * @example progressPercent(50, 200) === 25; progressPercent(300, 200) === 100
 */
export function progressPercent(signatures: number, threshold: number): number {
  if (threshold <= 0) return 0;
  return Math.min(100, Math.floor((signatures * 100) / threshold));
}

/** Remaining time of a collection, in whole days, hours and minutes (all 0 once ended). */
export interface Remaining {
  days: number;
  hours: number;
  minutes: number;
}

/**
 * Time left until `endsAt`, measured from the server's `readAt` plus the time elapsed on this
 * page (`elapsedMs`), rounded down to the minute.
 * @example remainingTime('2026-01-03T12:00:00Z', '2026-01-01T10:30:00Z') → { days: 2, hours: 1, minutes: 30 }
 */
export function remainingTime(
  endsAt: string | null,
  readAt: string,
  elapsedMs = 0,
): Remaining | null {
  if (!endsAt) return null;
  const ms = Math.max(0, new Date(endsAt).getTime() - new Date(readAt).getTime() - elapsedMs);
  const minutes = Math.floor(ms / 60_000);
  return {
    days: Math.floor(minutes / 1440),
    hours: Math.floor((minutes % 1440) / 60),
    minutes: minutes % 60,
  };
}

/**
 * The list's orders: SIGNATURES (most first), RECENT (latest published or created first),
 * ENDING_SOON (closest end first; petitions without an end last). Ties: title.
 */
export function sortPetitions<
  P extends Pick<Petition, 'signaturesCount' | 'publishedAt' | 'createdAt' | 'endsAt' | 'title'>,
>(petitions: readonly P[], sort: PetitionSort): P[] {
  const time = (iso: string | null) => (iso ? new Date(iso).getTime() : Number.POSITIVE_INFINITY);
  const byTitle = (a: P, b: P) => a.title.localeCompare(b.title, 'fr');
  return [...petitions].sort((a, b) => {
    if (sort === 'SIGNATURES') return b.signaturesCount - a.signaturesCount || byTitle(a, b);
    if (sort === 'ENDING_SOON') return time(a.endsAt) - time(b.endsAt) || byTitle(a, b);
    return (
      new Date(b.publishedAt ?? b.createdAt).getTime() -
        new Date(a.publishedAt ?? a.createdAt).getTime() || byTitle(a, b)
    );
  });
}
