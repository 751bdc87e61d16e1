import { plantedReactions } from '../../../../test/planted-proposal-reactions';
import { rankByConsensus } from './consensus-ranking';

describe('CONSENSUS ranking: known answers', () => {
  it('ranks the proposal both planted groups support first, though others have more supports', () => {
    const { candidates, reactions } = plantedReactions();
    const result = rankByConsensus(candidates, reactions);
    expect(result.groupCount).toBe(2);
    expect(result.clusteredCount).toBe(20);
    expect(result.ranking[0].id).toBe('BRIDGE');
    const mostSupported = [...candidates].sort((a, b) => b.supportsCount - a.supportsCount)[0];
    expect(mostSupported.supportsCount).toBeGreaterThan(
      candidates.find((c) => c.id === 'BRIDGE')!.supportsCount,
    );
    // BRIDGE: (5 + 1)/(n_g + 2)… in each group, with n_g = 5 reactions per group
    expect(result.ranking[0].score).toBeCloseTo((6 / 7) * (6 / 7), 10);
    // a proposal nobody reacted to sits at ½ per group: between the bridge and the one-sided ones
    expect(result.ranking[1].id).toBe('UNSEEN');
    expect(result.ranking.map((r) => r.id).sort()).toEqual(candidates.map((c) => c.id).sort());
  });

  it('is deterministic: the same reactions give the same ranking', () => {
    const { candidates, reactions } = plantedReactions();
    expect(rankByConsensus(candidates, reactions)).toEqual(
      rankByConsensus(candidates, [...reactions].reverse()),
    );
  });

  it('without enough participants for groups, ranks by the overall smoothed agreement, ties by supports then age', () => {
    const result = rankByConsensus(
      [
        { id: 'x', supportsCount: 1 },
        { id: 'y', supportsCount: 1 },
        { id: 'z', supportsCount: 0 },
      ],
      [
        { participant: 'u', proposal: 'x', value: 1 },
        { participant: 'v', proposal: 'y', value: 1 },
        { participant: 'v', proposal: 'z', value: -1 },
      ],
    );
    expect(result.groupCount).toBe(0);
    expect(result.ranking.map((r) => r.id)).toEqual(['x', 'y', 'z']);
    expect(result.ranking[0].score).toBeCloseTo(2 / 3, 10);
  });
});
