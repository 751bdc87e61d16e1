import { adjustedRandIndex } from './adjusted-rand-index';
import { clusterBySilhouette, kmeans, silhouette } from './kmeans';
import { analyseOpinions } from './opinion-analysis';
import { pca2 } from './pca';
import { groupInformedConsensus, propTest, representativeStatements, twoPropTest } from './repness';
import { seededRandom } from './seeded-random';
import {
  buildVoteMatrix,
  denseVoteMatrix,
  matrixFromParticipantRows,
  type VoteTriple,
  type VoteValue,
} from './vote-matrix';

/**
 * Votes from `groups` planted opinion groups: each group has its own stance (+1/−1) on every
 * statement; statement 0 is the only one that every group agrees with. A participant sees each statement
 * with probability `seenRate` and votes their group's stance, flipped with probability `noise`,
 * or passes with probability `passRate`.
 */
function planted(
  groups: number,
  perGroup: number,
  statements: number,
  opts: { seed: number; noise?: number; seenRate?: number; passRate?: number },
) {
  const random = seededRandom(opts.seed);
  const stance = Array.from({ length: groups }, () =>
    Array.from({ length: statements }, (_, j): number => (j === 0 ? 1 : random() < 0.5 ? 1 : -1)),
  );
  // Only statement 0 is unanimous: any other one that all groups happen to share is split by the last group.
  for (let j = 1; j < statements; j++)
    if (stance.every((s) => s[j] === stance[0][j])) stance[groups - 1][j] = -stance[0][j];
  const truth: number[] = [];
  for (let g = 0; g < groups; g++) for (let n = 0; n < perGroup; n++) truth.push(g);
  const m = denseVoteMatrix(truth.length, statements, (i, j) => {
    if (random() > (opts.seenRate ?? 0.7)) return null;
    if (random() < (opts.passRate ?? 0.05)) return 0;
    const v = stance[truth[i]][j];
    return (random() < (opts.noise ?? 0.05) ? -v : v) as VoteValue;
  });
  return { m, truth, stance };
}

describe('opinion analysis (debate, proposals’ CONSENSUS order): known answers', () => {
  it('the two-proportion test matches Pol.is’ worked example, and the one-proportion test is its limit', () => {
    expect(twoPropTest(15, 56, 24, 71)).toBeCloseTo(-1.518, 2);
    // Pol.is stats_test.clj: with a huge out-group at ½, the two-proportion test tends to the one-proportion test.
    expect(twoPropTest(30, 1_000_000, 50, 2_000_000)).toBeCloseTo(propTest(30, 50), 1);
    // By hand: 9 agrees of 10 → 2·√11·(10/11 − ½) = 2.7136…; no votes → 2·1·(1 − ½) = 1.
    expect(propTest(9, 10)).toBeCloseTo(2.7136, 4);
    expect(propTest(0, 0)).toBe(1);
  });

  it.each([2, 3])('recovers %i planted groups (adjusted Rand index ≥ 0.9)', (groups) => {
    const { m, truth } = planted(groups, 60, 40, { seed: 11 * groups });
    const a = analyseOpinions(m, { seed: 7 });
    expect(a.groups).toHaveLength(groups);
    expect(a.clusteredCount).toBe(truth.length);
    const ari = adjustedRandIndex(truth, a.groupOf);
    expect(ari).toBeGreaterThanOrEqual(0.9);
  });

  it('recovers 3 planted groups with only 30 % of the matrix seen and 10 % noise', () => {
    const { m, truth } = planted(3, 40, 60, { seed: 5, seenRate: 0.3, noise: 0.1 });
    const a = analyseOpinions(m, { seed: 3 });
    expect(adjustedRandIndex(truth, a.groupOf)).toBeGreaterThanOrEqual(0.9);
  });

  it('a statement every planted group agrees with tops the consensus list; a split one tops the divisive list', () => {
    const { m, stance } = planted(3, 50, 30, { seed: 21 });
    const a = analyseOpinions(m, { seed: 1 });
    expect(a.consensus[0]).toBe(0);
    const top = a.divisive[0];
    const stances = stance.map((s) => s[top]);
    expect(new Set(stances).size).toBe(2); // the most divisive statement is one the planted groups split on
    expect(a.divisive).not.toContain(0);
  });

  it('each group’s representative statements are ones it stands apart on, significant at 90 %', () => {
    const { m, truth, stance } = planted(2, 60, 30, { seed: 4 });
    const a = analyseOpinions(m, { seed: 2 });
    for (const g of a.groups) {
      const members = truth.filter((_, i) => a.groupOf[i] === g.id);
      const planted = members[0];
      expect(members.every((t) => t === planted)).toBe(true);
      expect(g.representatives.length).toBeGreaterThan(0);
      for (const r of g.representatives) {
        expect(r.significant).toBe(true);
        const other = stance[1 - planted][r.statement];
        expect(stance[planted][r.statement]).toBe(r.repfulFor === 'AGREE' ? 1 : -1);
        expect(other).toBe(-stance[planted][r.statement]);
      }
    }
  });

  it('a seeded run gives the same groups twice, and the same map', () => {
    const { m } = planted(3, 50, 30, { seed: 9, noise: 0.2 });
    const a = analyseOpinions(m, { seed: 42 });
    const b = analyseOpinions(m, { seed: 42 });
    expect(Array.from(b.groupOf)).toEqual(Array.from(a.groupOf));
    expect(Array.from(b.points)).toEqual(Array.from(a.points));
    expect(b.groups.map((g) => g.centroid)).toEqual(a.groups.map((g) => g.centroid));
  });

  it('participants with too few votes are projected but left out of the groups', () => {
    const { m } = planted(2, 30, 20, { seed: 3, seenRate: 1, passRate: 0 });
    const votes: VoteTriple[] = [];
    for (let i = 0; i < m.participants.length; i++)
      for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++)
        votes.push({
          participant: m.participants[i],
          statement: m.statements[m.cols[k]],
          value: m.vals[k] as VoteValue,
        });
    votes.push(
      { participant: 'late', statement: m.statements[1], value: 1 },
      { participant: 'late', statement: m.statements[2], value: -1 },
    );
    const a = analyseOpinions(buildVoteMatrix(votes, m.statements), { seed: 1 });
    const late = a.participantCount - 1;
    expect(a.groupOf[late]).toBe(-1);
    expect(Number.isFinite(a.points[2 * late]) && Number.isFinite(a.points[2 * late + 1])).toBe(
      true,
    );
    expect(a.clusteredCount).toBe(60);
  });

  it('PCA finds the planted axis: with two opposite groups the first component separates them on x', () => {
    const { m, truth } = planted(2, 20, 10, { seed: 8, noise: 0, seenRate: 1, passRate: 0 });
    // Statement 0 is unanimous: no variance, so it carries no weight in the components.
    const p = pca2(m);
    const xs = truth.map((g, i) => [g, p.points[2 * i]] as const);
    const left = xs.filter(([g]) => g === 0).map(([, x]) => Math.sign(x));
    const right = xs.filter(([g]) => g === 1).map(([, x]) => Math.sign(x));
    expect(new Set(left).size).toBe(1);
    expect(new Set(right).size).toBe(1);
    expect(left[0]).toBe(-right[0]);
    expect(p.eigenvalues[0]).toBeGreaterThan(p.eigenvalues[1]);
  });

  it('PCA: forming XᵀX and multiplying by X then Xᵀ give the same axes; resuming from them converges at once', () => {
    const { m } = planted(3, 40, 30, { seed: 12, seenRate: 0.5 });
    const dense = pca2(m);
    const sparse = pca2(m, { denseMaxStatements: 0 });
    expect(dense.stats.dense).toBe(true);
    expect(sparse.stats.dense).toBe(false);
    for (let c = 0; c < 2; c++) {
      let dot = 0;
      for (let j = 0; j < 30; j++) dot += dense.components[c][j] * sparse.components[c][j];
      expect(Math.abs(dot)).toBeGreaterThan(1 - 1e-6);
    }
    const resumed = pca2(m, { start: dense.components });
    expect(resumed.stats.iterations[0]).toBeLessThanOrEqual(2);
    expect(resumed.stats.iterations[0] + resumed.stats.iterations[1]).toBeLessThan(
      dense.stats.iterations[0] + dense.stats.iterations[1],
    );
    Array.from(resumed.points).forEach((v, i) => expect(v).toBeCloseTo(dense.points[i], 5));
  });

  it('the matrix built from per-participant rows (the API’s read) equals the one built from vote triples', () => {
    const votes: VoteTriple[] = [
      { participant: 'a', statement: 's2', value: 1 },
      { participant: 'a', statement: 's0', value: -1 },
      { participant: 'b', statement: 's1', value: 0 },
      { participant: 'b', statement: 's1', value: 1 },
    ];
    const fromTriples = buildVoteMatrix(votes, ['s0', 's1', 's2']);
    const fromRows = matrixFromParticipantRows(
      ['s0', 's1', 's2'],
      [
        { participant: 'a', cols: [2, 0], vals: [1, -1] },
        { participant: 'b', cols: [1, 1, 7], vals: [0, 1, 1] },
      ],
    );
    expect(Array.from(fromRows.rowStart)).toEqual(Array.from(fromTriples.rowStart));
    expect(Array.from(fromRows.cols)).toEqual(Array.from(fromTriples.cols));
    expect(Array.from(fromRows.vals)).toEqual(Array.from(fromTriples.vals));
    expect(Array.from(fromRows.seen)).toEqual([2, 1]);
  });

  it('group-informed consensus punishes one reluctant group more than the overall rate does', () => {
    const big = { agree: 90, disagree: 10, seen: 100 };
    const small = { agree: 1, disagree: 9, seen: 10 };
    const everyone = { agree: 50, disagree: 0, seen: 50 };
    expect(groupInformedConsensus([big, small])).toBeLessThan(
      groupInformedConsensus([everyone, { agree: 5, disagree: 0, seen: 5 }]),
    );
    expect(groupInformedConsensus([big, small])).toBeCloseTo((91 / 102) * (2 / 12), 10);
  });

  it('falls back to the best statement by test, not significant, when none passes', () => {
    const t = [[{ agree: 1, disagree: 1, seen: 2 }], [{ agree: 1, disagree: 1, seen: 2 }]];
    const [r] = representativeStatements(t, 0);
    expect(r.significant).toBe(false);
  });
});

describe('k-means and silhouette', () => {
  it('separates three far blobs and scores them near 1', () => {
    const random = seededRandom(1);
    const pts: number[] = [];
    const truth: number[] = [];
    [
      [0, 0],
      [10, 0],
      [0, 10],
    ].forEach(([x, y], g) => {
      for (let n = 0; n < 30; n++) {
        pts.push(x + random() - 0.5, y + random() - 0.5);
        truth.push(g);
      }
    });
    const best = clusterBySilhouette(Float64Array.from(pts));
    expect(best?.clustering.k).toBe(3);
    expect(adjustedRandIndex(truth, best!.clustering.labels)).toBe(1);
    expect(best!.silhouette).toBeGreaterThan(0.9);
    expect(silhouette(Float64Array.from(pts), Int32Array.from(truth), 3)).toBeCloseTo(
      best!.silhouette,
      10,
    );
  });

  it('is deterministic for a seed', () => {
    const random = seededRandom(2);
    const pts = Float64Array.from({ length: 200 }, () => random());
    expect(Array.from(kmeans(pts, 4, 9).labels)).toEqual(Array.from(kmeans(pts, 4, 9).labels));
  });

  it('adjusted Rand index: 1 for a renaming, below 0 for a crossed labeling', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [5, 5, 3, 3, 1])).toBe(1);
    // By hand: no pair together in both (index 0), expected (2·2)/6 = ⅔, max 2 → (0 − ⅔)/(2 − ⅔) = −½.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 10);
  });
});
