import { MotionMajority, MotionOutcome, QuorumBasis } from '@concerto/domain';

/** Weighted figures of a motion at close. Weights are in thousandths (integers) so every comparison is exact. */
export interface MotionFigures {
  /** Sum of the weights of FOR ballots, in thousandths of a vote. */
  forMilli: number;
  againstMilli: number;
  abstainMilli: number;
  /** Sum of the weights of the members who took part, in thousandths. */
  votersMilli: number;
  /** Sum of the weights of the members of the assembly at `closesAt`, in thousandths. */
  membersMilli: number;
  /** PRESENT basis: weight of the members marked present at the sitting or voting, in thousandths. */
  presentMilli?: number;
}

/** The rule applied to a motion. */
export interface MotionRule {
  majority: MotionMajority;
  /** Minimum participation, in hundredths of a percent (50 % → 5000). */
  quorumCentiPercent: number;
  /** What the quorum counts; VOTING when absent. */
  quorumBasis?: QuorumBasis;
}

/**
 * Whether the quorum is reached: the weight of the members who voted (FOR, AGAINST or
 * ABSTAIN — an abstention is a presence, as in French deliberative bodies where the quorum
 * counts members present or represented, e.g. Code général des collectivités territoriales,
 * art. L2121-17) is at least `quorum %` of the weight of the members of the assembly at close.
 * Exactly at the threshold counts as reached (50 % of 50 % quorum → reached).
 * A 0 % quorum is always reached.
 * With the PRESENT basis (a motion decided in an Assemblée sitting), the members counted are those
 * marked present at the sitting or voting (`presentMilli`, never below the voters).
 */
export function quorumReached(figures: MotionFigures, rule: MotionRule): boolean {
  // counted / members ≥ quorum / 100  ⇔  counted × 10 000 ≥ quorumCenti × members (integers: exact)
  const counted =
    rule.quorumBasis === QuorumBasis.PRESENT && figures.presentMilli !== undefined
      ? Math.max(figures.presentMilli, figures.votersMilli)
      : figures.votersMilli;
  return counted * 10_000 >= rule.quorumCentiPercent * figures.membersMilli;
}

/**
 * Whether the majority rule is met. Definitions (weights applied):
 * - SIMPLE — majorité simple des suffrages exprimés: FOR > AGAINST. Abstentions are not
 *   "suffrages exprimés" and do not count (French practice; Code électoral art. L65–L66 on
 *   blank ballots; Conseil constitutionnel, majority "des suffrages exprimés"). A tie rejects.
 * - ABSOLUTE — majorité absolue des votants: FOR > 50 % of all votes cast, abstentions
 *   included (FOR × 2 > FOR + AGAINST + ABSTAIN). Exactly 50 % rejects.
 * - TWO_THIRDS — majorité qualifiée des deux tiers des suffrages exprimés: FOR ≥ 2/3 of
 *   FOR + AGAINST (FOR × 3 ≥ (FOR + AGAINST) × 2), abstentions excluded; exactly two thirds
 *   adopts; with no FOR or AGAINST at all it rejects.
 */
export function majorityReached(figures: MotionFigures, majority: MotionMajority): boolean {
  const { forMilli: f, againstMilli: a, abstainMilli: s } = figures;
  switch (majority) {
    case MotionMajority.SIMPLE:
      return f > a;
    case MotionMajority.ABSOLUTE:
      return f * 2 > f + a + s;
    case MotionMajority.TWO_THIRDS:
      return f + a > 0 && f * 3 >= (f + a) * 2;
    default:
      return false;
  }
}

/**
 * The outcome of a closed motion: NO_QUORUM when the quorum is not reached, otherwise
 * ADOPTED when the majority rule is met, else REJECTED. See {@link quorumReached} and
 * {@link majorityReached} for the exact definitions.
 */
export function motionOutcome(figures: MotionFigures, rule: MotionRule): MotionOutcome {
  if (!quorumReached(figures, rule)) return MotionOutcome.NO_QUORUM;
  return majorityReached(figures, rule.majority) ? MotionOutcome.ADOPTED : MotionOutcome.REJECTED;
}

/** A PostgreSQL numeric (as text, 3 decimals at most) → integer thousandths, exactly. */
export function toMilli(numeric: string | number | null | undefined): number {
  if (numeric === null || numeric === undefined) return 0;
  const [whole, fraction = ''] = String(numeric).split('.');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 1000 + Number((fraction + '000').slice(0, 3)));
}

/** The running weighted tally of a motion, exact: weights in integer thousandths. */
export interface MotionTally {
  forMilli: number;
  againstMilli: number;
  abstainMilli: number;
  votersCount: number;
  votersMilli: number;
}

/**
 * The one tally rule every reader uses (motion pages, the result frozen at close, the live
 * counter): sums of ballot weights per choice and of participation weights, read from
 * PostgreSQL `numeric` sums as text and converted to integer thousandths ({@link toMilli}),
 * never through floating point.
 * @param ballots rows `{ motion_id, choice, w }` (sum of weights per motion and choice, as text)
 * @param participations rows `{ motion_id, n, w }` (voters and their weight, as text)
 * @param ids the motions wanted
 * @returns motion id → tally (zeros when nobody voted)
 */
export function motionTallies(
  ballots: readonly { motion_id: string; choice: string; w: string | null }[],
  participations: readonly { motion_id: string; n: number; w: string | null }[],
  ids: readonly string[],
): Map<string, MotionTally> {
  const result = new Map<string, MotionTally>(
    ids.map((id) => [
      id,
      { forMilli: 0, againstMilli: 0, abstainMilli: 0, votersCount: 0, votersMilli: 0 },
    ]),
  );
  for (const b of ballots) {
    const t = result.get(b.motion_id);
    if (!t) continue;
    if (b.choice === 'FOR') t.forMilli += toMilli(b.w);
    else if (b.choice === 'AGAINST') t.againstMilli += toMilli(b.w);
    else if (b.choice === 'ABSTAIN') t.abstainMilli += toMilli(b.w);
  }
  for (const p of participations) {
    const t = result.get(p.motion_id);
    if (!t) continue;
    t.votersCount += p.n;
    t.votersMilli += toMilli(p.w);
  }
  return result;
}

/** Thousandths → a decimal number for display (exact for up to 3 decimals within 2^53). */
export const milliToNumber = (milli: number): number => milli / 1000;
