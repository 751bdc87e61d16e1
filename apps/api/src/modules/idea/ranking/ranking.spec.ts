import { fitBradleyTerry, type Comparison } from './bradley-terry';
import { mulberry32, pairWeight, selectPair } from './pair-selection';

/** Spearman's rank correlation (no ties in the inputs used here). */
function spearman(a: readonly number[], b: readonly number[]): number {
  const ranks = (xs: readonly number[]) => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(xs.length);
    order.forEach(([, i], rank) => (r[i] = rank));
    return r;
  };
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  let d2 = 0;
  for (let i = 0; i < n; i++) d2 += (ra[i] - rb[i]) ** 2;
  return 1 - (6 * d2) / (n * (n * n - 1));
}

/** Simulates `count` answers: pairs drawn by selectPair, winners by the Bradley–Terry model with the true strengths. */
function simulate(
  truth: readonly number[],
  count: number,
  random: () => number,
  comparisons: Comparison[] = [],
  initial?: number[],
  refreshEvery = 50,
) {
  let fit = fitBradleyTerry(truth.length, comparisons, { initial });
  let last: [number, number] | null = null;
  for (let t = 0; t < count; t++) {
    // the server refreshes the scores now and then, not after every vote
    if (t % refreshEvery === 0)
      fit = fitBradleyTerry(truth.length, comparisons, { initial: fit.strengths });
    const candidates = truth.map((_, i) => ({
      comparisons: fit.comparisons[i],
      intervalWidth: fit.scoreHigh[i] - fit.scoreLow[i],
    }));
    const pair = selectPair(candidates, { random, avoid: last });
    if (!pair) throw new Error('no pair');
    last = pair;
    const [i, j] = pair;
    const pI = 1 / (1 + Math.exp(truth[j] - truth[i]));
    comparisons.push(random() < pI ? { winner: i, loser: j } : { winner: j, loser: i });
  }
  return {
    comparisons,
    fit: fitBradleyTerry(truth.length, comparisons, { initial: fit.strengths }),
  };
}

describe('Bradley–Terry fit (Hunter 2004 MM with a weak prior)', () => {
  it('two ideas, A preferred 3 times out of 4: γA/γB → 3, so A scores 75 (worked example, vanishing prior)', () => {
    const fit = fitBradleyTerry(
      2,
      [
        { winner: 0, loser: 1, count: 3 },
        { winner: 1, loser: 0 },
      ],
      { priorWeight: 1e-9, tolerance: 1e-12 },
    );
    expect(Math.exp(fit.strengths[0] - fit.strengths[1])).toBeCloseTo(3, 5);
    expect(fit.scores[0]).toBeCloseTo(75, 4);
    expect(fit.scores[1]).toBeCloseTo(25, 4);
    expect(fit.comparisons).toEqual([4, 4]);
  });

  it('the fixed point is the maximum of the penalised likelihood: its gradient vanishes', () => {
    const comparisons: Comparison[] = [
      { winner: 0, loser: 1, count: 5 },
      { winner: 1, loser: 0, count: 2 },
      { winner: 1, loser: 2, count: 4 },
      { winner: 2, loser: 1, count: 1 },
      { winner: 0, loser: 2, count: 6 },
      { winner: 3, loser: 0, count: 1 },
    ];
    const a = 0.5;
    const fit = fitBradleyTerry(4, comparisons, { priorWeight: a, tolerance: 1e-12 });
    expect(fit.converged).toBe(true);
    const g = fit.strengths.map(Math.exp);
    for (let i = 0; i < 4; i++) {
      // ∂/∂θᵢ of Σ n ln p + prior = Wᵢ + a − Σⱼ nᵢⱼ γᵢ/(γᵢ+γⱼ) − 2a γᵢ/(γᵢ+1)
      let gradient = a - (2 * a * g[i]) / (g[i] + 1);
      for (const c of comparisons) {
        const n = c.count ?? 1;
        if (c.winner === i) gradient += n - (n * g[i]) / (g[i] + g[c.loser]);
        if (c.loser === i) gradient -= (n * g[i]) / (g[i] + g[c.winner]);
      }
      expect(Math.abs(gradient)).toBeLessThan(1e-8);
    }
  });

  it('keeps an idea that never lost (and one never compared) finite; the uncompared one sits at 50 ± a wide interval', () => {
    const fit = fitBradleyTerry(3, [{ winner: 0, loser: 1, count: 10 }]);
    expect(Number.isFinite(fit.strengths[0])).toBe(true);
    expect(fit.scores[0]).toBeGreaterThan(fit.scores[2]);
    expect(fit.strengths[2]).toBeCloseTo(0, 6);
    expect(fit.scoreLow[2]).toBeLessThan(25);
    expect(fit.scoreHigh[2]).toBeGreaterThan(75);
  });

  it('symmetric data gives equal scores of 50 and the interval contains the score and narrows with data', () => {
    const few = fitBradleyTerry(
      3,
      [0, 1, 2].flatMap((i) => [
        { winner: i, loser: (i + 1) % 3 },
        { winner: (i + 1) % 3, loser: i },
      ]),
    );
    const many = fitBradleyTerry(
      3,
      [0, 1, 2].flatMap((i) => [
        { winner: i, loser: (i + 1) % 3, count: 50 },
        { winner: (i + 1) % 3, loser: i, count: 50 },
      ]),
    );
    for (const fit of [few, many])
      for (let i = 0; i < 3; i++) {
        expect(fit.scores[i]).toBeCloseTo(50, 6);
        expect(fit.scoreLow[i]).toBeLessThan(fit.scores[i]);
        expect(fit.scoreHigh[i]).toBeGreaterThan(fit.scores[i]);
      }
    expect(many.scoreHigh[0] - many.scoreLow[0]).toBeLessThan(
      (few.scoreHigh[0] - few.scoreLow[0]) / 3,
    );
  });

  it('rejects bad input with a RangeError', () => {
    expect(() => fitBradleyTerry(2, [{ winner: 0, loser: 2 }])).toThrow(RangeError);
    expect(() => fitBradleyTerry(2, [{ winner: 1, loser: 1 }])).toThrow(RangeError);
    expect(() => fitBradleyTerry(2, [{ winner: 0, loser: 1, count: -1 }])).toThrow(RangeError);
    expect(() => fitBradleyTerry(2, [], { priorWeight: 0 })).toThrow(RangeError);
  });

  it('an incremental update from the previous strengths reaches the same fit in fewer sweeps', () => {
    const truth = Array.from({ length: 30 }, (_, i) => (i - 15) / 6);
    const { comparisons } = simulate(truth, 1500, mulberry32(7));
    const before = fitBradleyTerry(30, comparisons, { tolerance: 1e-10 });
    const more = simulate(truth, 20, mulberry32(8), [...comparisons]).comparisons;
    const cold = fitBradleyTerry(30, more, { tolerance: 1e-10 });
    const warm = fitBradleyTerry(30, more, { tolerance: 1e-10, initial: before.strengths });
    expect(warm.iterations).toBeLessThan(cold.iterations);
    for (let i = 0; i < 30; i++) expect(warm.strengths[i]).toBeCloseTo(cold.strengths[i], 6);
  });
});

describe('known answer: comparisons simulated from known strengths', () => {
  it('ranks 20 ideas in the true order (Spearman ≥ 0.9) after 2,000 answers', () => {
    const truth = Array.from({ length: 20 }, (_, i) => -2 + (4 * i) / 19);
    const { fit } = simulate(truth, 2000, mulberry32(42));
    expect(spearman(truth, fit.scores)).toBeGreaterThanOrEqual(0.9);
    // and the true best and worst ideas' intervals do not overlap
    expect(fit.scoreLow[19]).toBeGreaterThan(fit.scoreHigh[0]);
  });

  it('is still in order (Spearman ≥ 0.9) for 100 ideas after 10,000 answers', () => {
    const random = mulberry32(3);
    const truth = Array.from({ length: 100 }, () => 2 * (random() * 2 - 1));
    const { fit } = simulate(truth, 10_000, random, [], undefined, 500);
    expect(spearman(truth, fit.scores)).toBeGreaterThanOrEqual(0.9);
  });

  it('a strong idea added late still wins: it is shown more until settled', () => {
    const random = mulberry32(11);
    const truth = Array.from({ length: 20 }, (_, i) => -1.5 + (3 * i) / 19);
    const early = simulate(truth, 3000, random);
    const withLate = [...truth, 3]; // idea 20 arrives after 3,000 answers, stronger than all
    const late = simulate(withLate, 600, random, early.comparisons, [...early.fit.strengths, 0]);
    const order = late.fit.scores.map((s, i) => [s, i] as const).sort((p, q) => q[0] - p[0]);
    expect(order[0][1]).toBe(20);
    // its share of the 600 later answers is well above the uniform 2/21 ≈ 9.5 %
    expect(late.fit.comparisons[20] / 600).toBeGreaterThan(0.2);
    expect(spearman(withLate, late.fit.scores)).toBeGreaterThanOrEqual(0.9);
  });

  it('is deterministic with a seed', () => {
    const truth = Array.from({ length: 15 }, (_, i) => i / 5);
    const one = simulate(truth, 500, mulberry32(99));
    const two = simulate(truth, 500, mulberry32(99));
    expect(two.comparisons).toEqual(one.comparisons);
    expect(two.fit.scores).toEqual(one.fit.scores);
  });
});

describe('pair selection', () => {
  it('never shows the same pair twice in a row, in either order', () => {
    const random = mulberry32(5);
    const candidates = Array.from({ length: 3 }, () => ({ comparisons: 0, intervalWidth: 80 }));
    let last: [number, number] | null = null;
    for (let t = 0; t < 2000; t++) {
      const pair = selectPair(candidates, { random, avoid: last });
      expect(pair).not.toBeNull();
      const [i, j] = pair!;
      expect(i).not.toBe(j);
      if (last) expect([i, j].sort().join()).not.toBe([...last].sort().join());
      last = pair;
    }
  });

  it('has no pair to offer with fewer than two ideas, or two ideas just compared', () => {
    const c = { comparisons: 0, intervalWidth: 80 };
    expect(selectPair([c], { random: mulberry32(1) })).toBeNull();
    expect(selectPair([c, c], { random: mulberry32(1), avoid: [1, 0] })).toBeNull();
    expect(selectPair([c, c], { random: mulberry32(1) })?.sort()).toEqual([0, 1]);
  });

  it('shows ideas with few comparisons and wide intervals more often', () => {
    const random = mulberry32(17);
    const candidates = [
      { comparisons: 0, intervalWidth: 76 },
      ...Array.from({ length: 9 }, () => ({ comparisons: 200, intervalWidth: 8 })),
    ];
    const shown = new Array<number>(10).fill(0);
    for (let t = 0; t < 5000; t++) for (const i of selectPair(candidates, { random })!) shown[i]++;
    expect(shown[0] / 5000).toBeGreaterThan(0.8); // the new idea is in most pairs
    for (let i = 1; i < 10; i++) expect(shown[i]).toBeGreaterThan(0); // the settled ones still appear
    expect(pairWeight({ comparisons: 0, intervalWidth: 76 })).toBeGreaterThan(
      10 * pairWeight({ comparisons: 200, intervalWidth: 8 }),
    );
  });

  it('puts each idea on the left about half the time', () => {
    const random = mulberry32(23);
    const candidates = [
      { comparisons: 0, intervalWidth: 50 },
      { comparisons: 0, intervalWidth: 50 },
    ];
    let left = 0;
    for (let t = 0; t < 4000; t++) if (selectPair(candidates, { random })![0] === 0) left++;
    expect(left / 4000).toBeGreaterThan(0.46);
    expect(left / 4000).toBeLessThan(0.54);
  });
});
