import { rankNextStatements } from './next-statement';

describe('next statement rule', () => {
  it('shows unsettled statements first (fewest votes), then the most divisive', () => {
    const ranked = rankNextStatements([
      { id: 'settled-calm', votes: 40, divisiveness: 0.1, order: 1 },
      { id: 'settled-divisive', votes: 50, divisiveness: 0.8, order: 2 },
      { id: 'new', votes: 2, divisiveness: 0, order: 3 },
      { id: 'newer', votes: 0, divisiveness: 0, order: 4 },
    ]);
    expect(ranked.map((c) => c.id)).toEqual(['newer', 'new', 'settled-divisive', 'settled-calm']);
  });
});
