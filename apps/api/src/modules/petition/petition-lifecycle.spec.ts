import { effectiveState, milestonesReached, refusal } from './petition-lifecycle';

const author = { isAuthor: true, isAdmin: false };
const admin = { isAuthor: false, isAdmin: true };
const member = { isAuthor: false, isAdmin: false };

describe('petition lifecycle (pure rules)', () => {
  it('decides ACCEPTED / REJECTED from the clock and the count, only for a published petition', () => {
    expect(effectiveState('PUBLISHED', false, 500, 100)).toBe('PUBLISHED');
    expect(effectiveState('PUBLISHED', true, 100, 100)).toBe('ACCEPTED');
    expect(effectiveState('PUBLISHED', true, 99, 100)).toBe('REJECTED');
    expect(effectiveState('ANSWERED', true, 0, 100)).toBe('ANSWERED');
    expect(effectiveState('DISCARDED', true, 500, 100)).toBe('DISCARDED');
  });

  it('lets each actor move only their states', () => {
    expect(refusal('submit', 'CREATED', author, 2, 2)).toBeNull();
    expect(refusal('submit', 'CREATED', author, 1, 2)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'committee',
    });
    expect(refusal('submit', 'CREATED', admin, 5, 2)?.code).toBe('FORBIDDEN');
    expect(refusal('submit', 'VALIDATING', author, 5, 2)?.code).toBe('CONFLICT');
    expect(refusal('publish', 'VALIDATING', admin)).toBeNull();
    expect(refusal('publish', 'VALIDATING', author)?.code).toBe('FORBIDDEN');
    expect(refusal('discard', 'PUBLISHED', admin)?.code).toBe('CONFLICT'); // the other admin won
    expect(refusal('publish', 'DISCARDED', admin)?.code).toBe('CONFLICT');
    expect(refusal('answer', 'PUBLISHED', admin)?.code).toBe('CONFLICT');
    expect(refusal('answer', 'CREATED', admin)?.code).toBe('CONFLICT');
    expect(refusal('answer', 'ACCEPTED', admin)).toBeNull();
    expect(refusal('answer', 'REJECTED', admin)).toBeNull();
    expect(refusal('answer', 'ANSWERED', admin)?.code).toBe('CONFLICT');
    expect(refusal('edit', 'VALIDATING', author)).toBeNull();
    expect(refusal('edit', 'PUBLISHED', author)?.code).toBe('CONFLICT');
    expect(refusal('edit', 'CREATED', member)?.code).toBe('FORBIDDEN');
    expect(refusal('joinCommittee', 'CREATED', member)).toBeNull();
    expect(refusal('joinCommittee', 'CREATED', author)?.code).toBe('BAD_USER_INPUT');
    expect(refusal('invite', 'VALIDATING', author)?.code).toBe('CONFLICT');
  });

  it('signs only while published and collecting', () => {
    expect(refusal('sign', 'PUBLISHED', member)).toBeNull();
    for (const s of [
      'CREATED',
      'VALIDATING',
      'DISCARDED',
      'ACCEPTED',
      'REJECTED',
      'ANSWERED',
    ] as const)
      expect(refusal('sign', s, author)?.code).toBe('PETITION_NOT_OPEN');
  });

  it('transforms (into a proposal or a motion) only an ACCEPTED petition, only by admins; a REJECTED one is bad input on transformTo', () => {
    expect(refusal('transform', 'ACCEPTED', admin)).toBeNull();
    expect(refusal('transform', 'ACCEPTED', author)?.code).toBe('FORBIDDEN');
    expect(refusal('transform', 'REJECTED', admin)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'transformTo',
    });
    for (const s of ['CREATED', 'VALIDATING', 'PUBLISHED', 'DISCARDED', 'ANSWERED'] as const)
      expect(refusal('transform', s, admin)?.code).toBe('BAD_USER_INPUT');
    // asked after 'answer': an answered petition is a CONFLICT before the transformation is looked at
    expect(refusal('answer', 'ANSWERED', admin)?.code).toBe('CONFLICT');
  });

  it('counts milestones on integers: 25 % of 3 needs 1 signature (75 ≥ 75), 50 % of 3 needs 2', () => {
    expect(milestonesReached(0, 100)).toEqual([]);
    expect(milestonesReached(24, 100)).toEqual([]);
    expect(milestonesReached(25, 100)).toEqual([25]);
    expect(milestonesReached(1, 3)).toEqual([25]); // 1 × 100 ≥ 25 × 3
    expect(milestonesReached(2, 3)).toEqual([25, 50]); // 200 ≥ 150, 200 < 225
    expect(milestonesReached(3, 3)).toEqual([25, 50, 75, 100]);
  });
});
