/**
 * A small seeded pseudo-random generator for the debate analysis, so that a run on the same
 * votes with the same seed gives the same groups (k-means++ seeding, silhouette sampling).
 *
 * Mulberry32 (Tommy Ettinger, public domain; see the comparison in
 * https://github.com/bryc/code/blob/master/jshash/PRNGs.md#mulberry32): 32-bit state, period
 * 2^32, good enough for choosing cluster seeds — not for anything secret.
 */

/** A function returning uniform numbers in [0, 1), deterministic from its seed. */
export type Random = () => number;

/**
 * Mulberry32 seeded with `seed` (any integer; only its low 32 bits count).
 * @returns a generator of uniform floats in [0, 1)
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
