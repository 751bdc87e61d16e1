/**
 * MAJORITY_JUDGMENT questions: majority judgment.
 *
 * Source: Michel Balinski & Rida Laraki, *Majority Judgment: Measuring, Ranking, and Electing*,
 * MIT Press 2011 (first in "A theory of measuring, electing, and ranking", *PNAS* 104(21), 2007,
 * 8720–8725):
 * - every voter grades every option on a common scale of ordered grades — here « Excellent, Très
 *   bien, Bien, Assez bien, Passable, Insuffisant, À rejeter »;
 * - an option's **majority grade** is the median of its grades; with an even number of grades,
 *   the lower of the two middle ones (the "lower middlemost");
 * - options are ranked by majority grade; two options with the same majority grade are compared
 *   by their **majority values**: remove one instance of the majority grade from each, take the
 *   new majority grades, and so on, until they differ (the first difference decides) or the
 *   grades run out (a true tie: identical grade profiles).
 *
 * Counting streams: an option's grades are kept as a profile — the (weighted) number of voters
 * per grade, 7 integers — so memory does not grow with the number of ballots. The majority
 * values are never expanded: removing the majority grade one at a time visits the sorted grades
 * from the middle outwards (lower middle, then upper middle, then the next below, …), so with
 * the same number of voters for both options the first difference of the majority values is at
 * the sorted position nearest that order's start where the two profiles give different grades;
 * {@link compareProfiles} finds it in O(grades) from cumulative counts. The literal, one-by-one
 * procedure lives in the tests and must agree with it on random profiles.
 */
import type { MajorityJudgmentResult, TieBreak } from '@concerto/domain';
import { GRADES, Grade } from './choice';
import { checkedAdd, checkedWeight, groupBy } from './ranking';

export type { TieBreak };

export type { MajorityJudgmentResult };

/**
 * Index (0 = best) of the grade at sorted position `j` (0-based, best first) of a profile.
 * @param profile weighted counts per grade, best first
 */
export function gradeAt(profile: readonly number[], j: number): number {
  let cumulative = 0;
  for (let g = 0; g < profile.length; g++) {
    cumulative += profile[g];
    if (j < cumulative) return g;
  }
  throw new RangeError(`position ${j} outside a profile of ${cumulative}`);
}

/** Sum of a profile: the number (weight) of grades. */
const total = (profile: readonly number[]) => profile.reduce((a, b) => a + b, 0);

/**
 * Index of the majority grade (lower median) of a profile: the grade at sorted position ⌊n/2⌋,
 * best first. Null when the profile is empty.
 */
export function majorityGradeIndex(profile: readonly number[]): number | null {
  const n = total(profile);
  return n === 0 ? null : gradeAt(profile, Math.floor(n / 2));
}

/**
 * Step of the majority value at which sorted position `j` of `n` grades is removed:
 * step 0 is the lower middle ⌊n/2⌋; then, for n even, the positions alternate upper-middle side
 * first (m−1, m+1, m−2, …) and for n odd lower side first (m+1, m−1, m+2, …), m = ⌊n/2⌋.
 */
export function removalStep(n: number, j: number): number {
  const m = Math.floor(n / 2);
  if (n % 2 === 0) return j >= m ? 2 * (j - m) : 2 * (m - 1 - j) + 1;
  if (j === m) return 0;
  return j > m ? 2 * (j - m) - 1 : 2 * (m - j);
}

/**
 * Compares two options' profiles by majority value (Balinski & Laraki's tie-breaking).
 * Both profiles must have the same total (every voter grades every option).
 * @returns `sign` < 0 when `a` ranks above `b`, > 0 below, 0 for identical profiles; with the
 *   step at which they first differ and the grades (indexes) each has there
 */
export function compareProfiles(
  a: readonly number[],
  b: readonly number[],
): { sign: number; step: number; gradeA: number; gradeB: number } {
  const n = total(a);
  if (n !== total(b)) throw new RangeError('profiles must have the same number of grades');
  // the sorted positions split into intervals on which both grades are constant
  const cuts = new Set<number>([0, n]);
  let ca = 0;
  let cb = 0;
  for (let g = 0; g < a.length; g++) {
    ca += a[g];
    cb += b[g];
    cuts.add(ca);
    cuts.add(cb);
  }
  const bounds = [...cuts].sort((x, y) => x - y);
  const m = Math.floor(n / 2);
  let best: { step: number; gradeA: number; gradeB: number } | null = null;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const lo = bounds[k];
    const hi = bounds[k + 1] - 1;
    if (hi < lo) continue;
    const gradeA = gradeAt(a, lo);
    const gradeB = gradeAt(b, lo);
    if (gradeA === gradeB) continue;
    // the step is smallest at the position of the interval nearest the middle
    const candidates = [
      lo,
      hi,
      Math.min(hi, Math.max(lo, m)),
      Math.min(hi, Math.max(lo, m - 1)),
      Math.min(hi, Math.max(lo, m + 1)),
    ];
    const step = Math.min(...candidates.map((j) => removalStep(n, j)));
    if (!best || step < best.step) best = { step, gradeA, gradeB };
  }
  if (!best) return { sign: 0, step: n, gradeA: -1, gradeB: -1 };
  return { sign: best.gradeA - best.gradeB, ...best };
}

/**
 * Streaming accumulator for majority judgment.
 * `add(grades, weight)`: one grade per option (checked by `normalizeChoice`).
 */
export class MajorityJudgmentTally {
  private readonly index: Map<string, number>;
  /** Row-major options × grades. */
  private readonly counts: Float64Array;
  private ballots = 0;
  private totalWeight = 0;

  constructor(private readonly optionIds: readonly string[]) {
    this.index = new Map(optionIds.map((id, i) => [id, i]));
    this.counts = new Float64Array(optionIds.length * GRADES.length);
  }

  add(grades: Readonly<Record<string, Grade>>, weight = 1): void {
    checkedWeight(weight);
    for (const id of this.optionIds) {
      const g = GRADES.indexOf(grades[id]);
      if (g < 0) throw new Error(`option ${id} has no valid grade`);
      this.counts[this.index.get(id)! * GRADES.length + g] += weight;
    }
    this.ballots++;
    // each cell is at most totalWeight: checking it keeps every count exact
    this.totalWeight = checkedAdd(this.totalWeight, weight);
  }

  result(): MajorityJudgmentResult {
    const G = GRADES.length;
    const profile = (id: string) =>
      Array.from(this.counts.subarray(this.index.get(id)! * G, (this.index.get(id)! + 1) * G));
    const profiles = Object.fromEntries(this.optionIds.map((id) => [id, profile(id)]));
    const majority = Object.fromEntries(
      this.optionIds.map((id) => [id, majorityGradeIndex(profiles[id])]),
    );
    const ranking = this.ballots
      ? groupBy(this.optionIds, (a, b) => compareProfiles(profiles[a], profiles[b]).sign)
      : [[...this.optionIds]];
    const tieBreaks: TieBreak[] = [];
    const flat = ranking.map((group) => group[0]);
    for (let k = 0; k + 1 < flat.length; k++) {
      const [higher, lower] = [flat[k], flat[k + 1]];
      if (majority[higher] === null || majority[higher] !== majority[lower]) continue;
      const cmp = compareProfiles(profiles[higher], profiles[lower]);
      tieBreaks.push({
        higher,
        lower,
        majorityGrade: GRADES[majority[higher]!],
        removed: cmp.step,
        higherGrade: GRADES[cmp.gradeA],
        lowerGrade: GRADES[cmp.gradeB],
      });
    }
    const gauges = Object.fromEntries(
      this.optionIds.map((id) => {
        const g = majority[id];
        const p = profiles[id];
        return [
          id,
          g === null
            ? { better: 0, worse: 0 }
            : {
                better: p.slice(0, g).reduce((x, y) => x + y, 0),
                worse: p.slice(g + 1).reduce((x, y) => x + y, 0),
              },
        ];
      }),
    );
    return {
      method: 'MAJORITY_JUDGMENT',
      ballots: this.ballots,
      totalWeight: this.totalWeight,
      optionIds: [...this.optionIds],
      grades: [...GRADES],
      profiles,
      majorityGrades: Object.fromEntries(
        this.optionIds.map((id) => [id, majority[id] === null ? null : GRADES[majority[id]!]]),
      ),
      gauges,
      ranking,
      winners: this.ballots ? ranking[0] : [],
      tieBreaks,
    };
  }
}
