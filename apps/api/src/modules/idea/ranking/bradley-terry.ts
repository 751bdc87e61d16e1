/**
 * Bradley–Terry strengths and wiki-survey scores from pairwise comparisons. Pure: no database,
 * no Nest, no clock, no randomness.
 *
 * Model (Bradley and Terry 1952): idea i beats idea j with probability γᵢ / (γᵢ + γⱼ), γ > 0.
 * We write θᵢ = ln γᵢ ("strength", natural-log scale).
 *
 * Fit: the MM (minorize–maximize) iteration of Hunter, D. R. (2004), "MM algorithms for
 * generalized Bradley–Terry models", Annals of Statistics 32(1), 384–406, eq. (3):
 *
 *     γᵢ ← Wᵢ / Σⱼ≠ᵢ nᵢⱼ / (γᵢ + γⱼ)
 *
 * where Wᵢ is the number of wins of i and nᵢⱼ the number of comparisons of i and j. Every step
 * increases the likelihood. Without a prior, an idea that never lost (or never won) runs off to
 * γ = ∞ (or 0), and a new idea has no estimate at all. We therefore add, for every idea, a weak
 * prior of `priorWeight` virtual wins and as many virtual losses against a fixed reference
 * idea with γ₀ = 1: these are ordinary comparisons with one more idea whose strength is held
 * fixed, so the MM argument of Hunter's §3 applies unchanged (pseudo-counts, the same device as
 * add-one smoothing of a proportion). The update becomes
 *
 *     γᵢ ← (Wᵢ + a) / ( Σⱼ nᵢⱼ / (γᵢ + γⱼ) + 2a / (γᵢ + 1) ),   a = priorWeight,
 *
 * so every γ stays finite and positive, an idea with no comparison sits at γ = 1 (score 50),
 * and the reference fixes the scale (no normalisation step is needed).
 *
 * Score: Salganik, M. J. and Levy, K. E. C. (2015), "Wiki Surveys: Open and Quantifiable Social
 * Data Collection", PLOS ONE 10(5): e0123483 — the score of an idea is the estimated chance
 * that it beats a randomly chosen other idea, on 0–100:
 *
 *     sᵢ = 100 / (K − 1) · Σⱼ≠ᵢ γᵢ / (γᵢ + γⱼ).
 *
 * (The paper estimates the opinion matrix with a hierarchical Bayesian Thurstone model; we use
 * the Bradley–Terry estimate in its place, which the All Our Ideas project also documents.)
 *
 * Uncertainty: the observed Fisher information of θᵢ, holding the others at their estimates,
 *
 *     Iᵢ = Σⱼ nᵢⱼ pᵢⱼ (1 − pᵢⱼ) + 2a · pᵢ₀ (1 − pᵢ₀),   pᵢⱼ = γᵢ / (γᵢ + γⱼ),
 *
 * gives the standard error seᵢ = 1 / √Iᵢ (the diagonal approximation of the inverse
 * information matrix: it ignores the covariances, which at 1,000 ideas would cost a 1,000 × 1,000
 * inversion per refresh; it is slightly narrower than the full inverse). The score interval maps
 * θᵢ ± z·seᵢ through the score function (monotone in θᵢ), so it stays within 0–100 and is
 * asymmetric near the edges, as a Wald interval on the logit scale is.
 */

/** One comparison outcome: `winner` was preferred to `loser` (indices into the idea list). */
export interface Comparison {
  winner: number;
  loser: number;
  /** How many times this outcome was observed (default 1). */
  count?: number;
}

/** Options of {@link fitBradleyTerry}. */
export interface FitOptions {
  /** Virtual wins and losses of each idea against a reference idea of strength 0 (default 0.5). Must be > 0. */
  priorWeight?: number;
  /** Starting strengths θ (natural-log scale) — the previous fit, for an incremental update; missing or non-finite entries start at 0. */
  initial?: ReadonlyArray<number | null | undefined>;
  /** Stop when no θ moves by more than this (default 1e-6). */
  tolerance?: number;
  /** Stop after this many sweeps whatever the tolerance (default 10,000). */
  maxIterations?: number;
  /** Normal quantile of the score interval (default 1.96, a 95 % interval). */
  z?: number;
}

/** Result of {@link fitBradleyTerry}; arrays are indexed like the ideas. */
export interface BradleyTerryFit {
  /** θᵢ = ln γᵢ, natural-log scale; 0 is the prior's reference. */
  strengths: number[];
  /** Standard error of θᵢ (diagonal Fisher approximation). */
  standardErrors: number[];
  /** Wiki-survey score, 0–100: estimated chance to beat a randomly chosen other idea. */
  scores: number[];
  /** Lower end of the score interval, 0–100. */
  scoreLow: number[];
  /** Upper end of the score interval, 0–100. */
  scoreHigh: number[];
  /** Number of (real) comparisons each idea took part in. */
  comparisons: number[];
  /** Number of MM sweeps run. */
  iterations: number;
  /** Whether the tolerance was reached before `maxIterations`. */
  converged: boolean;
}

interface Adjacency {
  /** For each idea, its opponents and the number of comparisons with each. */
  opponents: Array<Map<number, number>>;
  wins: Float64Array;
  comparisons: number[];
}

function adjacency(ideaCount: number, comparisons: readonly Comparison[]): Adjacency {
  const opponents = Array.from({ length: ideaCount }, () => new Map<number, number>());
  const wins = new Float64Array(ideaCount);
  const counts = new Array<number>(ideaCount).fill(0);
  for (const c of comparisons) {
    const n = c.count ?? 1;
    if (
      !Number.isInteger(c.winner) ||
      !Number.isInteger(c.loser) ||
      c.winner < 0 ||
      c.loser < 0 ||
      c.winner >= ideaCount ||
      c.loser >= ideaCount
    ) {
      throw new RangeError(`comparison refers to an idea outside 0…${ideaCount - 1}`);
    }
    if (c.winner === c.loser) throw new RangeError('an idea cannot be compared with itself');
    if (!(n >= 0) || !Number.isFinite(n))
      throw new RangeError('comparison count must be a finite number ≥ 0');
    if (n === 0) continue;
    wins[c.winner] += n;
    counts[c.winner] += n;
    counts[c.loser] += n;
    opponents[c.winner].set(c.loser, (opponents[c.winner].get(c.loser) ?? 0) + n);
    opponents[c.loser].set(c.winner, (opponents[c.loser].get(c.winner) ?? 0) + n);
  }
  return { opponents, wins, comparisons: counts };
}

/**
 * Wiki-survey score of idea `i` given all strengths γ (positive scale): 100/(K−1) Σⱼ≠ᵢ γᵢ/(γᵢ+γⱼ).
 * With a single idea the score is 50 by convention.
 */
function scoreOf(gammaI: number, i: number, gamma: Float64Array): number {
  const k = gamma.length;
  if (k < 2) return 50;
  let sum = 0;
  for (let j = 0; j < k; j++) if (j !== i) sum += gammaI / (gammaI + gamma[j]);
  return (100 * sum) / (k - 1);
}

/**
 * Fits Bradley–Terry strengths by Hunter's MM iteration with a weak prior, then the wiki-survey
 * scores and their intervals (see the file comment for the formulas and sources).
 *
 * @param ideaCount number of ideas K (indices 0…K−1).
 * @param comparisons outcomes; skips and « je ne sais pas » are not comparisons and must be left out.
 * @param options prior weight, warm start, tolerance.
 * @returns strengths, standard errors, scores 0–100 with intervals, comparisons per idea.
 * @throws RangeError on an index out of range, a self-comparison, a negative count or a prior ≤ 0.
 *
 * Cost: O(iterations × (K + distinct pairs)) for the fit, O(K²) for the scores.
 */
export function fitBradleyTerry(
  ideaCount: number,
  comparisons: readonly Comparison[],
  options: FitOptions = {},
): BradleyTerryFit {
  const a = options.priorWeight ?? 0.5;
  if (!(a > 0)) throw new RangeError('priorWeight must be > 0');
  const tolerance = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 10_000;
  const z = options.z ?? 1.96;
  const { opponents, wins, comparisons: counts } = adjacency(ideaCount, comparisons);

  const gamma = new Float64Array(ideaCount);
  for (let i = 0; i < ideaCount; i++) {
    const start = options.initial?.[i];
    gamma[i] = typeof start === 'number' && Number.isFinite(start) ? Math.exp(start) : 1;
  }

  let iterations = 0;
  let converged = ideaCount === 0;
  while (!converged && iterations < maxIterations) {
    iterations++;
    let maxMove = 0;
    // Gauss–Seidel sweep (uses updated γⱼ at once): still an MM step for each coordinate
    // (Hunter 2004, §3: cyclic MM), and converges in fewer sweeps than the Jacobi form.
    for (let i = 0; i < ideaCount; i++) {
      const gi = gamma[i];
      let denominator = (2 * a) / (gi + 1);
      for (const [j, n] of opponents[i]) denominator += n / (gi + gamma[j]);
      const next = (wins[i] + a) / denominator;
      const move = Math.abs(Math.log(next) - Math.log(gi));
      if (move > maxMove) maxMove = move;
      gamma[i] = next;
    }
    if (maxMove < tolerance) converged = true;
  }

  const strengths = new Array<number>(ideaCount);
  const standardErrors = new Array<number>(ideaCount);
  const scores = new Array<number>(ideaCount);
  const scoreLow = new Array<number>(ideaCount);
  const scoreHigh = new Array<number>(ideaCount);
  for (let i = 0; i < ideaCount; i++) {
    const gi = gamma[i];
    const p0 = gi / (gi + 1);
    let information = 2 * a * p0 * (1 - p0);
    for (const [j, n] of opponents[i]) {
      const p = gi / (gi + gamma[j]);
      information += n * p * (1 - p);
    }
    const se = 1 / Math.sqrt(information);
    strengths[i] = Math.log(gi);
    standardErrors[i] = se;
    scores[i] = scoreOf(gi, i, gamma);
    scoreLow[i] = scoreOf(gi * Math.exp(-z * se), i, gamma);
    scoreHigh[i] = scoreOf(gi * Math.exp(z * se), i, gamma);
  }
  return {
    strengths,
    standardErrors,
    scores,
    scoreLow,
    scoreHigh,
    comparisons: counts,
    iterations,
    converged,
  };
}
