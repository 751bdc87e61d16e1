import { MotionMajority } from '@concerto/domain';
import { majorityReached, motionOutcome, quorumReached, toMilli } from './motion-result';

const figures = (f: number, a: number, s: number, voters: number, members: number) => ({
  forMilli: f * 1000,
  againstMilli: a * 1000,
  abstainMilli: s * 1000,
  votersMilli: voters * 1000,
  membersMilli: members * 1000,
});

describe('motion result rules at their boundaries', () => {
  it('quorum: exactly 50 % of the members’ weight reaches a 50 % quorum; just under does not', () => {
    expect(
      quorumReached(figures(1, 0, 0, 2, 4), { majority: 'SIMPLE', quorumCentiPercent: 5000 }),
    ).toBe(true);
    expect(
      quorumReached(
        { ...figures(1, 0, 0, 0, 4), votersMilli: 1999 },
        { majority: 'SIMPLE', quorumCentiPercent: 5000 },
      ),
    ).toBe(false);
    // weights: one member of weight 2 out of 2 + 1 + 1 is 50 %
    expect(
      quorumReached(figures(2, 0, 0, 2, 4), { majority: 'SIMPLE', quorumCentiPercent: 5000 }),
    ).toBe(true);
    // 33.34 % quorum with 1 of 3 voters (33.33…%) is not reached
    expect(
      quorumReached(figures(1, 0, 0, 1, 3), { majority: 'SIMPLE', quorumCentiPercent: 3334 }),
    ).toBe(false);
    expect(
      quorumReached(figures(0, 0, 0, 0, 0), { majority: 'SIMPLE', quorumCentiPercent: 0 }),
    ).toBe(true);
  });

  it('SIMPLE: FOR > AGAINST, abstentions ignored, a tie rejects', () => {
    expect(majorityReached(figures(2, 1, 10, 13, 13), MotionMajority.SIMPLE)).toBe(true);
    expect(majorityReached(figures(1, 1, 0, 2, 2), MotionMajority.SIMPLE)).toBe(false);
  });

  it('ABSOLUTE: FOR > 50 % of all votes cast including abstentions; exactly 50 % rejects', () => {
    expect(majorityReached(figures(2, 1, 1, 4, 4), MotionMajority.ABSOLUTE)).toBe(false);
    expect(
      majorityReached({ ...figures(2, 1, 1, 4, 4), forMilli: 2001 }, MotionMajority.ABSOLUTE),
    ).toBe(true);
    expect(majorityReached(figures(3, 0, 3, 6, 6), MotionMajority.ABSOLUTE)).toBe(false);
  });

  it('TWO_THIRDS: FOR ≥ 2/3 of FOR + AGAINST; exactly two thirds adopts, just under rejects; nothing expressed rejects', () => {
    expect(majorityReached(figures(2, 1, 5, 8, 8), MotionMajority.TWO_THIRDS)).toBe(true);
    expect(
      majorityReached({ ...figures(2, 1, 0, 3, 3), forMilli: 1999 }, MotionMajority.TWO_THIRDS),
    ).toBe(false);
    expect(majorityReached(figures(0, 0, 3, 3, 3), MotionMajority.TWO_THIRDS)).toBe(false);
  });

  it('outcome: NO_QUORUM first, then ADOPTED / REJECTED', () => {
    expect(
      motionOutcome(figures(1, 0, 0, 1, 4), { majority: 'SIMPLE', quorumCentiPercent: 5000 }),
    ).toBe('NO_QUORUM');
    expect(
      motionOutcome(figures(2, 0, 0, 2, 4), { majority: 'SIMPLE', quorumCentiPercent: 5000 }),
    ).toBe('ADOPTED');
    expect(
      motionOutcome(figures(1, 1, 0, 2, 4), { majority: 'SIMPLE', quorumCentiPercent: 5000 }),
    ).toBe('REJECTED');
  });

  it('reads PostgreSQL numerics exactly as thousandths', () => {
    expect(toMilli('2.500')).toBe(2500);
    expect(toMilli('0.001')).toBe(1);
    expect(toMilli('12')).toBe(12000);
    expect(toMilli(null)).toBe(0);
  });
});
