/**
 * The seat rule of a meeting's registrations, as Decidim's meetings module applies it
 * (`decidim-meetings`: `JoinMeeting` command and, since 0.31, the waiting list): a registration
 * takes a seat while seats remain, otherwise it waits in arrival order when the meeting keeps a
 * waiting list, otherwise it is refused. When a seat frees up, the first waiting registrations
 * take the freed seats, oldest first.
 *
 * Pure functions: the caller holds the meeting's row lock (`SELECT … FOR UPDATE`) and passes the
 * counts it read under that lock, so two registrations never decide on the same count.
 */

/** What a new registration becomes. */
export type SeatDecision = 'REGISTERED' | 'WAITLISTED' | 'FULL';

/** The facts a decision needs, read under the meeting's row lock. */
export interface SeatCounts {
  /** Seats of the meeting; 0 = unlimited. */
  capacity: number;
  /** Registrations holding a seat now. */
  registered: number;
  /** Whether a registration that finds no seat waits (true) or is refused (false). */
  waitlistEnabled: boolean;
}

/**
 * Decides a new registration.
 * @returns REGISTERED when a seat is free (always with capacity 0), else WAITLISTED when the
 *   waiting list is on, else FULL (the API answers LIMIT_REACHED)
 * @example seatFor({ capacity: 5, registered: 4, waitlistEnabled: true })  // 'REGISTERED' (the 5th seat)
 * @example seatFor({ capacity: 5, registered: 5, waitlistEnabled: true })  // 'WAITLISTED'
 * @example seatFor({ capacity: 5, registered: 5, waitlistEnabled: false }) // 'FULL'
 */
export function seatFor(counts: SeatCounts): SeatDecision {
  if (!Number.isInteger(counts.capacity) || counts.capacity < 0)
    throw new RangeError(`capacity must be a non-negative integer, got ${counts.capacity}`);
  if (!Number.isInteger(counts.registered) || counts.registered < 0)
    throw new RangeError(`registered must be a non-negative integer, got ${counts.registered}`);
  if (counts.capacity === 0 || counts.registered < counts.capacity) return 'REGISTERED';
  return counts.waitlistEnabled ? 'WAITLISTED' : 'FULL';
}

/**
 * How many waiting registrations take a seat now (after a cancellation or a larger capacity):
 * the free seats, at most the number waiting; all of them when the capacity is unlimited.
 * @param capacity seats, 0 = unlimited; @param registered seats held; @param waitlisted registrations waiting
 * @returns a count ≥ 0; the caller promotes that many, oldest arrival first
 * @example promotable(5, 4, 3) // 1: one seat freed, the first in line takes it
 * @example promotable(8, 5, 2) // 2: three seats free, only two waiting
 * @example promotable(0, 5, 2) // 2: unlimited, nobody needs to wait any more
 * @example promotable(5, 5, 2) // 0: no free seat
 */
export function promotable(capacity: number, registered: number, waitlisted: number): number {
  if (waitlisted <= 0) return 0;
  if (capacity === 0) return waitlisted;
  return Math.max(0, Math.min(waitlisted, capacity - registered));
}

/**
 * Plays a sequence of arrivals through {@link seatFor}, one at a time (what the row lock
 * serialises): the reference the race test compares the database with.
 * @param arrivals how many registrations arrive, in order; @param start the counts before them
 * @returns the decision of each arrival, in order
 * @example replay(4, { capacity: 2, registered: 1, waitlistEnabled: true }) // ['REGISTERED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']
 */
export function replay(arrivals: number, start: SeatCounts): SeatDecision[] {
  const decisions: SeatDecision[] = [];
  let registered = start.registered;
  for (let i = 0; i < arrivals; i++) {
    const decision = seatFor({ ...start, registered });
    if (decision === 'REGISTERED') registered++;
    decisions.push(decision);
  }
  return decisions;
}
