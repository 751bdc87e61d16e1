/**
 * RANKED questions: the Schulze method.
 *
 * Source: Markus Schulze, "A new monotonic, clone-independent, reversal symmetric, and
 * Condorcet-consistent single-winner election method", *Social Choice and Welfare* 36(2), 2011,
 * 267–303 (doi:10.1007/s00355-010-0475-4):
 * - §2.1: d[a][b] is the number of voters who strictly prefer a to b. A voter may rank only some
 *   options: ranked options are preferred to unranked ones, and unranked options are tied.
 * - §2.2: a path from a to b has the strength of its weakest link; a link a→b exists when
 *   d[a][b] > d[b][a] and its strength is measured by winning votes, d[a][b]. p[a][b] is the
 *   strength of the strongest path from a to b (0 when there is none).
 * - §2.3 and §4: a is better than b when p[a][b] > p[b][a]; this relation is transitive, and the
 *   potential winners are the options no other option is better than. §2.3 computes p with a
 *   Floyd–Warshall-style widest-path algorithm, O(C³) for C options.
 *
 * Counting streams: each ballot adds to the C×C matrix d (memory C² integers whatever the number
 * of ballots; O(C²) per ballot). The result ranks options in tiers: the potential winners, then
 * the potential winners of the rest, and so on. When several options are potential winners the
 * tie is reported and not broken: Schulze's §5 tie-breaking draws a random ballot, which a recount
 * from the published file could not reproduce.
 *
 * A Condorcet winner — an option preferred by more voters than the contrary against every other
 * option (d[a][b] > d[b][a] for all b) — is reported apart; Schulze is Condorcet-consistent
 * (§4.7), so it is then the single winner.
 */
import type { SchulzeResult } from '@concerto/domain';
import { checkedAdd, checkedWeight } from './ranking';

export type { SchulzeResult };

/**
 * Streaming accumulator of pairwise preferences for the Schulze method.
 * `add(ranking, weight)`: `ranking` is a strict order of distinct known options, best first
 * (checked by `normalizeChoice`); options it leaves out rank below all of them, tied.
 */
export class SchulzeTally {
  private readonly n: number;
  private readonly index: Map<string, number>;
  /** Row-major C×C matrix d. */
  private readonly d: Float64Array;
  /** Scratch: rank position per option for the ballot being added (n = unranked). */
  private readonly position: Int32Array;
  private ballots = 0;
  private totalWeight = 0;

  constructor(private readonly optionIds: readonly string[]) {
    this.n = optionIds.length;
    this.index = new Map(optionIds.map((id, i) => [id, i]));
    this.d = new Float64Array(this.n * this.n);
    this.position = new Int32Array(this.n);
  }

  add(ranking: readonly string[], weight = 1): void {
    checkedWeight(weight);
    const { n, d, position } = this;
    position.fill(n);
    ranking.forEach((id, rank) => {
      const i = this.index.get(id);
      if (i === undefined) throw new Error(`unknown option ${id}`);
      position[i] = rank;
    });
    // i is preferred to j when it is ranked and j is ranked lower or not at all
    for (let i = 0; i < n; i++) {
      const pi = position[i];
      if (pi === n) continue;
      const row = i * n;
      for (let j = 0; j < n; j++) if (pi < position[j]) d[row + j] += weight;
    }
    this.ballots++;
    this.totalWeight = checkedAdd(this.totalWeight, weight);
    // every cell is at most totalWeight, so checking the total keeps every cell exact
  }

  result(): SchulzeResult {
    const { n } = this;
    const pairwise = Array.from({ length: n }, (_, i) =>
      Array.from(this.d.subarray(i * n, (i + 1) * n)),
    );
    const strongestPaths = schulzeStrongestPaths(pairwise);
    const tiers = schulzeTiers(strongestPaths);
    const ids = [...this.optionIds];
    let condorcetWinner: string | null = null;
    for (let i = 0; i < n && condorcetWinner === null; i++) {
      let beatsAll = true;
      for (let j = 0; j < n && beatsAll; j++)
        if (i !== j && !(pairwise[i][j] > pairwise[j][i])) beatsAll = false;
      if (beatsAll && n > 0 && this.ballots > 0) condorcetWinner = ids[i];
    }
    const ranking = tiers.map((tier) => tier.map((i) => ids[i]));
    return {
      method: 'RANKED',
      ballots: this.ballots,
      totalWeight: this.totalWeight,
      optionIds: ids,
      pairwise,
      strongestPaths,
      condorcetWinner,
      ranking,
      winners: this.ballots ? (ranking[0] ?? []) : [],
    };
  }
}

/**
 * Strongest path strengths p from pairwise preferences d (Schulze 2011, §2.3, winning votes).
 * @param d square matrix, d[i][j] = voters preferring i to j
 * @returns p, same shape, 0 on the diagonal
 */
export function schulzeStrongestPaths(d: readonly (readonly number[])[]): number[][] {
  const n = d.length;
  const p = d.map((row, i) => row.map((dij, j) => (i !== j && dij > d[j][i] ? dij : 0)));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const pji = p[j][i];
      if (pji === 0) continue;
      for (let k = 0; k < n; k++) {
        if (k === i || k === j) continue;
        const via = Math.min(pji, p[i][k]);
        if (via > p[j][k]) p[j][k] = via;
      }
    }
  }
  return p;
}

/**
 * Tiers of the Schulze order: the potential winners (no option is better than them:
 * p[a][b] ≥ p[b][a] for all b), then those of the remaining options, and so on.
 * @returns option indexes, best tier first, indexes ascending within a tier
 */
export function schulzeTiers(p: readonly (readonly number[])[]): number[][] {
  let remaining = p.map((_, i) => i);
  const tiers: number[][] = [];
  while (remaining.length) {
    const tier = remaining.filter((a) => remaining.every((b) => a === b || p[a][b] >= p[b][a]));
    // transitivity (Schulze 2011, §4.1) guarantees a non-empty tier; guard anyway against a loop
    const taken = tier.length ? tier : remaining;
    tiers.push(taken);
    remaining = remaining.filter((a) => !taken.includes(a));
  }
  return tiers;
}
