/**
 * Which two ideas a participant sees next in the pairwise booth. Pure: the randomness comes
 * from the `random` function passed in (a seeded {@link mulberry32} in tests, `Math.random` in
 * production).
 *
 * Rule. Salganik and Levy 2015 ("Wiki Surveys", PLOS ONE 10(5): e0123483) describe pairs
 * drawn at random; with uniform draws an idea added late stays under-compared for a long
 * time, so we draw adaptively instead, favouring ideas whose score is still uncertain
 * (our choice, documented here; its effect is tested in pair-selection.spec.ts).
 * Each idea i gets the weight
 *
 *     wᵢ = (0.25 + widthᵢ / 100) / √(1 + nᵢ)
 *
 * where nᵢ is its number of comparisons and widthᵢ the width of its score interval (0–100).
 * A new idea (n = 0, interval ≈ 75 points wide) is thus drawn about 10–50 times more often than
 * a settled one, until its interval narrows; no idea's weight ever reaches 0, so every idea
 * keeps being compared. The first idea is drawn with probability ∝ w, the second likewise among
 * the others; the pair the participant saw last (either order) is never drawn again at once;
 * left and right are then put in random order so position bias averages out.
 */

/** What the selection knows of one idea. */
export interface PairCandidate {
  /** Number of comparisons (won or lost) the idea took part in, ≥ 0. */
  comparisons: number;
  /** Width of its score interval, in score points (0–100). */
  intervalWidth: number;
}

/** Options of {@link selectPair}. */
export interface PairSelectionOptions {
  /** Uniform numbers in [0, 1). */
  random: () => number;
  /** The pair the participant saw last (indices, either order): never drawn again at once. */
  avoid?: readonly [number, number] | null;
}

/** Selection weight of one idea (see the file comment). */
export function pairWeight(candidate: PairCandidate): number {
  const width = Math.min(
    100,
    Math.max(0, Number.isFinite(candidate.intervalWidth) ? candidate.intervalWidth : 100),
  );
  const n = Math.max(0, candidate.comparisons);
  return (0.25 + width / 100) / Math.sqrt(1 + n);
}

function draw(
  weights: Float64Array,
  excluded: (i: number) => boolean,
  random: () => number,
): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) if (!excluded(i)) total += weights[i];
  if (total <= 0) return -1;
  let target = random() * total;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    if (excluded(i)) continue;
    last = i;
    target -= weights[i];
    if (target < 0) return i;
  }
  return last; // rounding: the last eligible idea
}

/**
 * Draws the next pair to show (indices into `candidates`, left first).
 *
 * @returns the pair, or null when no pair other than `avoid` exists (fewer than two ideas, or
 * exactly two ideas that the participant has just compared).
 * Cost: O(K) for K candidates.
 */
export function selectPair(
  candidates: readonly PairCandidate[],
  options: PairSelectionOptions,
): [number, number] | null {
  const k = candidates.length;
  if (k < 2) return null;
  const avoid = options.avoid ?? null;
  const weights = new Float64Array(k);
  for (let i = 0; i < k; i++) weights[i] = pairWeight(candidates[i]);
  const partnerOf = (i: number): number =>
    avoid === null ? -1 : avoid[0] === i ? avoid[1] : avoid[1] === i ? avoid[0] : -1;

  // The first idea must have at least one partner left once the avoided pair is removed.
  const stranded = (i: number): boolean => k === 2 && partnerOf(i) >= 0;
  const first = draw(weights, stranded, options.random);
  if (first < 0) return null;
  const forbidden = partnerOf(first);
  const second = draw(weights, (j) => j === first || j === forbidden, options.random);
  if (second < 0) return null;
  return options.random() < 0.5 ? [first, second] : [second, first];
}

/**
 * Mulberry32, a small seeded 32-bit PRNG (Tommy Ettinger, public domain; period 2³²), for
 * reproducible selections in tests and demo data. Not for secrets.
 *
 * @param seed any 32-bit integer.
 * @returns a function giving uniform numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
