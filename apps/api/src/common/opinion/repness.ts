/**
 * Per-group vote statistics: representative statements, group-informed consensus and divisive
 * statements. Follows Pol.is (`compdemocracy/polis`):
 * - `math/src/polismath/math/stats.clj`: `prop-test`, `two-prop-test`, `z-sig-90?`;
 * - `math/src/polismath/math/repness.clj`: `comment-stats` (na, nd, ns; pa = (1+na)/(2+ns)),
 *   `add-comparitive-stats` (ra = pa ÷ the rest's smoothed rate, rat = two-proportion test),
 *   `passes-by-test?`, `repness-metric` (ra × rat × pa × pat) and `select-rep-comments`;
 * - `math/src/polismath/math/conversation.clj`: `group-aware-consensus`, the product over groups
 *   of each group's smoothed agreement (1+na)/(2+ns) — high only when every group agrees.
 * Our sign convention is agree = +1 (Pol.is stores agree as −1); the formulas are the same.
 *
 * Simplification kept on purpose: Pol.is also puts a "best agree" statement first when no
 * statement passes the test; we return the best statement by test instead, flagged
 * `significant: false`.
 */

/** z threshold for one-sided 90 % confidence (Pol.is `z-sig-90?`). */
export const Z_90 = 1.2816;

/**
 * One-proportion z-test against ½ with pseudo-counts (Pol.is `prop-test`):
 * z = 2 √(n+1) ((succ+1)/(n+1) − ½).
 */
export function propTest(successes: number, trials: number): number {
  const s = successes + 1;
  const n = trials + 1;
  return 2 * Math.sqrt(n) * (s / n - 0.5);
}

/**
 * Two-proportion z-test with pseudo-counts (Pol.is `two-prop-test`): is the in-group rate above
 * the out-group rate? Returns 0 when the pooled rate is 1 (no variance), as Pol.is does.
 * Worked example (Pol.is `stats_test.clj`): twoPropTest(15, 56, 24, 71) ≈ −1.518.
 */
export function twoPropTest(
  successIn: number,
  successOut: number,
  trialsIn: number,
  trialsOut: number,
): number {
  const [s1, s2, n1, n2] = [successIn + 1, successOut + 1, trialsIn + 1, trialsOut + 1];
  const pooled = (s1 + s2) / (n1 + n2);
  if (pooled >= 1 || pooled <= 0) return 0;
  return (s1 / n1 - s2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

/** Vote counts of one statement within one group: agree, disagree, seen (passes included). */
export interface Tally {
  agree: number;
  disagree: number;
  seen: number;
}

/** Smoothed agreement rate (1 + agree) / (2 + seen) (Pol.is `pa`). */
export const agreeRate = (t: Tally): number => (1 + t.agree) / (2 + t.seen);
/** Smoothed disagreement rate (1 + disagree) / (2 + seen) (Pol.is `pd`). */
export const disagreeRate = (t: Tally): number => (1 + t.disagree) / (2 + t.seen);

/** Why a statement represents a group, with Pol.is' statistics. */
export interface Representative {
  statement: number;
  /** The group agrees (or disagrees) with it more than the others. */
  repfulFor: 'AGREE' | 'DISAGREE';
  /** Votes of that kind in the group, and votes seen by the group. */
  successes: number;
  trials: number;
  /** Smoothed rate in the group (pa or pd) and its z-test against ½. */
  probability: number;
  probabilityTest: number;
  /** Ratio to the rest's smoothed rate (ra or rd) and its two-proportion z-test. */
  repness: number;
  repnessTest: number;
  /** Both z-tests above {@link Z_90}. */
  significant: boolean;
}

/**
 * Representative statements of group `g` (Pol.is `select-rep-comments`): statements whose
 * agreement (or disagreement) in the group is significantly above the rest (both z > 1.2816),
 * sorted by ra × rat × pa × pat, at most `limit`, agrees first; when none passes, the single
 * best by test, flagged not significant.
 * @param tallies tallies[g][j] for every group g and statement j
 */
export function representativeStatements(
  tallies: Tally[][],
  g: number,
  limit = 5,
  exclude?: ReadonlySet<number>,
): Representative[] {
  const statements = tallies[g].length;
  const sufficient: Representative[] = [];
  let best: Representative | null = null;
  for (let j = 0; j < statements; j++) {
    if (exclude?.has(j)) continue;
    const own = tallies[g][j];
    if (own.seen === 0) continue;
    const rest: Tally = { agree: 0, disagree: 0, seen: 0 };
    for (let h = 0; h < tallies.length; h++) {
      if (h === g) continue;
      rest.agree += tallies[h][j].agree;
      rest.disagree += tallies[h][j].disagree;
      rest.seen += tallies[h][j].seen;
    }
    const pa = agreeRate(own);
    const pd = disagreeRate(own);
    const pat = propTest(own.agree, own.seen);
    const pdt = propTest(own.disagree, own.seen);
    const ra = pa / agreeRate(rest);
    const rd = pd / disagreeRate(rest);
    const rat = twoPropTest(own.agree, rest.agree, own.seen, rest.seen);
    const rdt = twoPropTest(own.disagree, rest.disagree, own.seen, rest.seen);
    const agree = rat > rdt;
    const r: Representative = agree
      ? {
          statement: j,
          repfulFor: 'AGREE',
          successes: own.agree,
          trials: own.seen,
          probability: pa,
          probabilityTest: pat,
          repness: ra,
          repnessTest: rat,
          significant: false,
        }
      : {
          statement: j,
          repfulFor: 'DISAGREE',
          successes: own.disagree,
          trials: own.seen,
          probability: pd,
          probabilityTest: pdt,
          repness: rd,
          repnessTest: rdt,
          significant: false,
        };
    if ((rat > Z_90 && pat > Z_90) || (rdt > Z_90 && pdt > Z_90)) {
      // Pol.is keeps the direction with the larger two-proportion test even when the other passed.
      r.significant = r.repnessTest > Z_90 && r.probabilityTest > Z_90;
      if (r.significant) sufficient.push(r);
    }
    if (!best || r.repnessTest > best.repnessTest) best = r;
  }
  if (sufficient.length === 0) return best ? [best] : [];
  const metric = (r: Representative) =>
    r.repness * r.repnessTest * r.probability * r.probabilityTest;
  const top = sufficient
    .sort((a, b) => metric(b) - metric(a) || a.statement - b.statement)
    .slice(0, limit);
  return [
    ...top.filter((r) => r.repfulFor === 'AGREE'),
    ...top.filter((r) => r.repfulFor === 'DISAGREE'),
  ];
}

/**
 * Group-informed consensus of one statement (Pol.is `group-aware-consensus`): the product over
 * groups of (1 + agree_g) / (2 + seen_g). In (0, 1); 1 only when every group fully agrees, and
 * one reluctant group is enough to pull it down — unlike an overall agreement rate, which the
 * largest group decides.
 */
export function groupInformedConsensus(perGroup: readonly Tally[]): number {
  return perGroup.reduce((product, t) => product * agreeRate(t), 1);
}

/**
 * Divisiveness of one statement: half the spread between the groups' smoothed opinions,
 * opinion_g = (agree_g − disagree_g) / (2 + seen_g) ∈ (−1, 1), so 0 = every group leans the same
 * way, near 1 = one group agrees and another disagrees unanimously. Our measure (Pol.is shows
 * "divisive" statements in its report without publishing one formula); the pseudo-count keeps a
 * statement seen by three people from topping the list.
 */
export function divisiveness(perGroup: readonly Tally[]): number {
  if (perGroup.length < 2) return 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of perGroup) {
    const opinion = (t.agree - t.disagree) / (2 + t.seen);
    lo = Math.min(lo, opinion);
    hi = Math.max(hi, opinion);
  }
  return (hi - lo) / 2;
}
