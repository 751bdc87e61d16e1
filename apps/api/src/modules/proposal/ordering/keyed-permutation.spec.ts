import { KeyedPermutation } from './keyed-permutation';

/** Upper critical values of chi-square at p = 0.001 (NIST/SEMATECH e-Handbook, table 1.3.6.7.4). */
const CHI2_CRITICAL_0_001: Record<number, number> = { 29: 58.301, 49: 85.351 };

describe('KeyedPermutation (Feistel network with cycle-walking)', () => {
  it.each([1, 2, 3, 7, 100, 1000, 4097])('is a bijection of [0, %i)', (size) => {
    const permutation = new KeyedPermutation('graine', size);
    const seen = new Set<number>();
    for (let p = 0; p < size; p++) seen.add(permutation.at(p));
    expect(seen.size).toBe(size);
    expect(Math.min(...seen)).toBe(0);
    expect(Math.max(...seen)).toBe(size - 1);
  });

  it.each([1, 5, 100, 1000, 4097])('positionOf inverts at for size %i', (size) => {
    const permutation = new KeyedPermutation('inverse', size);
    for (let p = 0; p < size; p++) expect(permutation.positionOf(permutation.at(p))).toBe(p);
  });

  it('is reproducible from the seed and differs across seeds', () => {
    const a = Array.from({ length: 50 }, (_, p) => new KeyedPermutation('a', 50).at(p));
    const again = Array.from({ length: 50 }, (_, p) => new KeyedPermutation('a', 50).at(p));
    const b = Array.from({ length: 50 }, (_, p) => new KeyedPermutation('b', 50).at(p));
    expect(again).toEqual(a);
    expect(b).not.toEqual(a);
  });

  it('refuses positions outside the domain', () => {
    expect(() => new KeyedPermutation('s', 10).at(10)).toThrow(RangeError);
    expect(() => new KeyedPermutation('s', 10).at(-1)).toThrow(RangeError);
  });

  /**
   * Fairness: over many seeds, each element is equally likely at each position. For 30
   * elements and 3,000 seeds, count how often each element lands in position 0 and in the
   * first page (positions 0–9); Pearson's chi-square against the uniform expectation must stay
   * below the 0.1 % critical value (29 degrees of freedom). Decidim's `ORDER BY id * random()`
   * fails this (old, small ids come first far more often).
   */
  it('puts every element at the first position and on the first page equally often (chi-square)', () => {
    const size = 30;
    const seeds = 3000;
    const first = new Array(size).fill(0);
    const firstPage = new Array(size).fill(0);
    for (let s = 0; s < seeds; s++) {
      const permutation = new KeyedPermutation(`seed-${s}`, size);
      first[permutation.at(0)]++;
      for (let p = 0; p < 10; p++) firstPage[permutation.at(p)]++;
    }
    const chi2 = (counts: number[], expected: number) =>
      counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chi2(first, seeds / size)).toBeLessThan(CHI2_CRITICAL_0_001[29]);
    expect(chi2(firstPage, (seeds * 10) / size)).toBeLessThan(CHI2_CRITICAL_0_001[29]);
  });

  it('the same statistic rejects Decidim’s ORDER BY id * random() (the test can fail)', () => {
    const size = 30;
    const seeds = 3000;
    const firstPage = new Array(size).fill(0);
    let state = 42;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let s = 0; s < seeds; s++) {
      const keyed = Array.from({ length: size }, (_, i) => ({ i, key: (i + 1) * random() }));
      keyed.sort((a, b) => a.key - b.key);
      for (let p = 0; p < 10; p++) firstPage[keyed[p].i]++;
    }
    const expected = (seeds * 10) / size;
    const chi2 = firstPage.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeGreaterThan(CHI2_CRITICAL_0_001[29]);
  });
});
