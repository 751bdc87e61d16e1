/**
 * Counting tested against worked examples from the literature (sources beside each example),
 * plus the properties the modules promise (exact integers, streaming, reported ties).
 */
import { GRADE_ORDER } from '@concerto/domain';
import { ChoiceError, GRADES, Grade, normalizeChoice, QuestionShape } from './choice';
import {
  compareProfiles,
  MajorityJudgmentTally,
  majorityGradeIndex,
  removalStep,
} from './majority-judgment';
import { OptionCountTally } from './plurality';
import { SchulzeTally } from './schulze';
import { createTally } from './tally';

/** Expands "5 ACBED" lines into (ranking, count) pairs of single-letter options. */
const profile = (lines: string[]) =>
  lines.map((line) => {
    const [count, order] = line.split(' ');
    return { count: Number(count), ranking: order.split('') };
  });

describe('Schulze method (RANKED)', () => {
  it('Schulze 2011, §3.1 (example 1: 45 voters, 5 candidates): pairwise matrix, strongest paths, ranking E > A > C > B > D', () => {
    // Source: M. Schulze, "A new monotonic, clone-independent, reversal symmetric, and
    // Condorcet-consistent single-winner election method", Social Choice and Welfare 36 (2011),
    // §3.1; the same example with both matrices is in Schulze's own list of worked examples.
    const tally = new SchulzeTally(['A', 'B', 'C', 'D', 'E']);
    for (const { count, ranking } of profile([
      '5 ACBED',
      '5 ADECB',
      '8 BEDAC',
      '3 CABED',
      '7 CAEBD',
      '2 CBADE',
      '7 DCEBA',
      '8 EBADC',
    ])) {
      for (let i = 0; i < count; i++) tally.add(ranking);
    }
    const result = tally.result();
    expect(result.ballots).toBe(45);
    expect(result.pairwise).toEqual([
      [0, 20, 26, 30, 22],
      [25, 0, 16, 33, 18],
      [19, 29, 0, 17, 24],
      [15, 12, 28, 0, 14],
      [23, 27, 21, 31, 0],
    ]);
    expect(result.strongestPaths).toEqual([
      [0, 28, 28, 30, 24],
      [25, 0, 28, 33, 24],
      [25, 29, 0, 29, 24],
      [25, 28, 28, 0, 24],
      [25, 28, 28, 31, 0],
    ]);
    expect(result.ranking).toEqual([['E'], ['A'], ['C'], ['B'], ['D']]);
    expect(result.winners).toEqual(['E']);
    // E, the winner, loses to C head to head (21 < 24): there is no Condorcet winner
    expect(result.condorcetWinner).toBeNull();
  });

  it('weights count as that many voters: the same example with each group cast once at its size gives the same matrices', () => {
    const tally = new SchulzeTally(['A', 'B', 'C', 'D', 'E']);
    for (const { count, ranking } of profile([
      '5 ACBED',
      '5 ADECB',
      '8 BEDAC',
      '3 CABED',
      '7 CAEBD',
      '2 CBADE',
      '7 DCEBA',
      '8 EBADC',
    ]))
      tally.add(ranking, count);
    expect(tally.result().strongestPaths[4]).toEqual([25, 28, 28, 31, 0]);
    expect(tally.result().totalWeight).toBe(45);
  });

  it('a tie between potential winners is reported, not broken (9 voters: 3 ABCD, 2 DABC, 2 DBCA, 2 CBDA → B and D)', () => {
    // Worked by hand from Schulze 2011 §2 definitions:
    // d: A>B 5:4, A>C 5:4, D>A 6:3, B>C 7:2, B>D 5:4, C>D 5:4
    // p[B][D] = 5 (direct), p[D][B] = min(d[D][A], d[A][B]) = 5 → neither is better; D beats A (6 > 5).
    const tally = new SchulzeTally(['A', 'B', 'C', 'D']);
    for (const { count, ranking } of profile(['3 ABCD', '2 DABC', '2 DBCA', '2 CBDA']))
      for (let i = 0; i < count; i++) tally.add(ranking);
    const result = tally.result();
    expect(result.pairwise).toEqual([
      [0, 5, 5, 3],
      [4, 0, 7, 5],
      [4, 2, 0, 5],
      [6, 4, 4, 0],
    ]);
    expect(result.strongestPaths).toEqual([
      [0, 5, 5, 5],
      [5, 0, 7, 5],
      [5, 5, 0, 5],
      [6, 5, 5, 0],
    ]);
    expect(result.winners).toEqual(['B', 'D']);
    expect(result.condorcetWinner).toBeNull();
  });

  it('Condorcet consistency (Schulze 2011, §4.7): a Condorcet winner is the single winner, and reported', () => {
    const tally = new SchulzeTally(['A', 'B', 'C']);
    for (const { count, ranking } of profile(['4 BAC', '3 ACB', '2 CAB']))
      for (let i = 0; i < count; i++) tally.add(ranking);
    const result = tally.result();
    // A beats B 5:4 and C 7:2
    expect(result.condorcetWinner).toBe('A');
    expect(result.winners).toEqual(['A']);
  });

  it('partial rankings (Schulze 2011, §2.1): ranked options beat unranked ones, unranked ones are tied', () => {
    const tally = new SchulzeTally(['A', 'B', 'C', 'D']);
    tally.add(['B']); // B above A, C and D; nothing between A, C, D
    tally.add(['C', 'A']); // C > A > {B, D}
    const { pairwise } = tally.result();
    expect(pairwise).toEqual([
      [0, 1, 0, 1],
      [1, 0, 1, 1],
      [1, 1, 0, 1],
      [0, 0, 0, 0],
    ]);
  });

  it('no ballots: no winner, every option tied', () => {
    const result = new SchulzeTally(['A', 'B']).result();
    expect(result.winners).toEqual([]);
    expect(result.ranking).toEqual([['A', 'B']]);
  });
});

/** The book's procedure, literally: expand, sort best first, take the lower median, remove it, repeat. */
function literalMajorityValue(profile: number[]): number[] {
  const grades: number[] = [];
  profile.forEach((count, g) => {
    for (let i = 0; i < count; i++) grades.push(g);
  });
  const value: number[] = [];
  while (grades.length) {
    const median = Math.floor(grades.length / 2);
    value.push(grades[median]);
    grades.splice(median, 1);
  }
  return value;
}
const lexicographic = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
};
const P = (counts: Partial<Record<Grade, number>>) => GRADES.map((g) => counts[g] ?? 0);

describe('majority judgment (MAJORITY_JUDGMENT)', () => {
  it('grades the same seven grades, in the same order, as the domain list the web shows', () => {
    expect([...GRADES]).toEqual([...GRADE_ORDER]);
  });

  it('Balinski & Laraki (2007), « Le jugement majoritaire »: 5 grades Bien, Passable, À rejeter, Bien, Assez bien → majority grade Assez bien', () => {
    // Source: M. Balinski & R. Laraki, « Le jugement majoritaire », École polytechnique web page
    // announcing the Orsay experiment, April 2007 (English translation: rangevoting.org/BalinskiL.html):
    // sorted best to worst, Bien, Bien, Assez bien, Passable, À rejeter; the middle one is the majority grade.
    const p = P({ GOOD: 2, FAIRLY_GOOD: 1, PASSABLE: 1, REJECT: 1 });
    expect(GRADES[majorityGradeIndex(p)!]).toBe('FAIRLY_GOOD');
  });

  it('same source: with an even number of grades the lower of the two middle grades is taken', () => {
    // Bien, Assez bien | Passable, Insuffisant → the bi-medians are Assez bien and Passable: Passable
    expect(
      GRADES[majorityGradeIndex(P({ GOOD: 1, FAIRLY_GOOD: 1, PASSABLE: 1, INSUFFICIENT: 1 }))!],
    ).toBe('PASSABLE');
    expect(GRADES[majorityGradeIndex(P({ EXCELLENT: 1, REJECT: 1 }))!]).toBe('REJECT');
  });

  it('tie-breaking by removing median grades one by one (Balinski & Laraki 2011; the example of the English Wikipedia article "Majority judgment")', () => {
    // X: Bien, Bien, Passable, Insuffisant; Y: Excellent, Passable, Passable, Passable — both have Passable.
    // Remove one Passable each: X = (Bien, Bien, Insuffisant) → Bien; Y = (Excellent, Passable, Passable) → Passable. X wins.
    const tally = new MajorityJudgmentTally(['X', 'Y']);
    const ballots: [Grade, Grade][] = [
      ['GOOD', 'EXCELLENT'],
      ['GOOD', 'PASSABLE'],
      ['PASSABLE', 'PASSABLE'],
      ['INSUFFICIENT', 'PASSABLE'],
    ];
    for (const [x, y] of ballots) tally.add({ X: x, Y: y });
    const result = tally.result();
    expect(result.majorityGrades).toEqual({ X: 'PASSABLE', Y: 'PASSABLE' });
    expect(result.ranking).toEqual([['X'], ['Y']]);
    expect(result.tieBreaks).toEqual([
      {
        higher: 'X',
        lower: 'Y',
        majorityGrade: 'PASSABLE',
        removed: 1,
        higherGrade: 'GOOD',
        lowerGrade: 'PASSABLE',
      },
    ]);
    // the book's literal procedure: X's majority value starts Passable, Bien, …; Y's Passable, Passable, …
    expect(literalMajorityValue(result.profiles.X).slice(0, 2)).toEqual([4, 2]);
    expect(literalMajorityValue(result.profiles.Y).slice(0, 2)).toEqual([4, 4]);
    expect(
      lexicographic(
        literalMajorityValue(result.profiles.X),
        literalMajorityValue(result.profiles.Y),
      ),
    ).toBeLessThan(0);
  });

  it('the removal order visits sorted positions from the middle outwards (n = 4: 2, 1, 3, 0; n = 5: 2, 3, 1, 4, 0)', () => {
    expect([2, 1, 3, 0].map((j) => removalStep(4, j))).toEqual([0, 1, 2, 3]);
    expect([2, 3, 1, 4, 0].map((j) => removalStep(5, j))).toEqual([0, 1, 2, 3, 4]);
  });

  it('the fast comparison agrees with the literal procedure on 3,000 random profiles', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 3000; trial++) {
      const n = 1 + Math.floor(random() * 25);
      const draw = () => {
        const p = GRADES.map(() => 0);
        // concentrated profiles, so equal majority grades and long ties are frequent
        const centre = Math.floor(random() * 7);
        for (let i = 0; i < n; i++)
          p[Math.max(0, Math.min(6, centre + Math.floor(random() * 3) - 1))]++;
        return p;
      };
      const a = draw();
      const b = trial % 7 === 0 ? [...a] : draw();
      const expected = Math.sign(lexicographic(literalMajorityValue(a), literalMajorityValue(b)));
      const fast = compareProfiles(a, b);
      expect(Math.sign(fast.sign)).toBe(expected);
      if (expected !== 0) {
        const va = literalMajorityValue(a);
        const vb = literalMajorityValue(b);
        const step = va.findIndex((g, i) => g !== vb[i]);
        expect(fast.step).toBe(step);
        expect([fast.gradeA, fast.gradeB]).toEqual([va[step], vb[step]]);
      }
    }
  });

  it('identical profiles are a true tie, reported in one group', () => {
    const tally = new MajorityJudgmentTally(['A', 'B', 'C']);
    tally.add({ A: 'GOOD', B: 'GOOD', C: 'REJECT' });
    tally.add({ A: 'PASSABLE', B: 'PASSABLE', C: 'EXCELLENT' });
    const result = tally.result();
    // A and B: Bien, Passable → lower median Passable; C: Excellent, À rejeter → À rejeter
    expect(result.ranking).toEqual([['A', 'B'], ['C']]);
    expect(result.winners).toEqual(['A', 'B']);
    expect(result.gauges.A).toEqual({ better: 1, worse: 0 });
  });
});

describe('plurality (SINGLE) and approval (MULTIPLE)', () => {
  it('counts per option, ties reported in one group', () => {
    const single = new OptionCountTally('SINGLE', ['a', 'b', 'c']);
    for (const id of ['a', 'b', 'a', 'b', 'c']) single.add([id]);
    expect(single.result()).toMatchObject({
      counts: { a: 2, b: 2, c: 1 },
      ranking: [['a', 'b'], ['c']],
      winners: ['a', 'b'],
      ballots: 5,
    });
  });

  it('approval voting (Brams & Fishburn 1978): the option approved by most voters wins, each approval counting one', () => {
    const multiple = new OptionCountTally('MULTIPLE', ['a', 'b', 'c']);
    multiple.add(['a', 'b']);
    multiple.add(['b']);
    multiple.add(['b', 'c'], 2);
    expect(multiple.result()).toMatchObject({
      counts: { a: 1, b: 4, c: 2 },
      winners: ['b'],
      totalWeight: 4,
      ballots: 3,
    });
  });

  it('refuses counts that would stop being exact integers', () => {
    const tally = new OptionCountTally('SINGLE', ['a']);
    tally.add(['a'], Number.MAX_SAFE_INTEGER);
    expect(() => tally.add(['a'], 1)).toThrow(RangeError);
    expect(() => tally.add(['a'], 1.5)).toThrow(RangeError);
  });
});

describe('checking a choice', () => {
  const q = (
    method: QuestionShape['method'],
    extra: Partial<QuestionShape> = {},
  ): QuestionShape => ({ method, optionIds: ['a', 'b', 'c'], ...extra });
  const reason = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return (error as ChoiceError).reason;
    }
    return 'accepted';
  };

  it('refuses duplicates and unknown options in a ranking', () => {
    expect(reason(() => normalizeChoice(q('RANKED'), { ranking: ['a', 'a'] }))).toBe(
      'DUPLICATE_OPTION',
    );
    expect(reason(() => normalizeChoice(q('RANKED'), { ranking: ['a', 'z'] }))).toBe(
      'UNKNOWN_OPTION',
    );
    expect(reason(() => normalizeChoice(q('RANKED'), { ranking: [] }))).toBe('OUT_OF_RANGE');
    expect(normalizeChoice(q('RANKED'), { ranking: ['c', 'a'] })).toEqual({ ranking: ['c', 'a'] });
  });

  it('refuses a MULTIPLE choice outside [min, max], and SINGLE other than one option', () => {
    const multiple = q('MULTIPLE', { minChoices: 2, maxChoices: 2 });
    expect(reason(() => normalizeChoice(multiple, { optionIds: ['a'] }))).toBe('OUT_OF_RANGE');
    expect(reason(() => normalizeChoice(multiple, { optionIds: ['a', 'b', 'c'] }))).toBe(
      'OUT_OF_RANGE',
    );
    expect(normalizeChoice(multiple, { optionIds: ['c', 'a'] })).toEqual({ optionIds: ['a', 'c'] });
    expect(reason(() => normalizeChoice(q('SINGLE'), { optionIds: [] }))).toBe('OUT_OF_RANGE');
    expect(reason(() => normalizeChoice(q('SINGLE'), { optionIds: 'a' }))).toBe('MALFORMED');
  });

  it('refuses an unknown grade and an incomplete grid', () => {
    expect(
      reason(() =>
        normalizeChoice(q('MAJORITY_JUDGMENT'), { grades: { a: 'GOOD', b: 'SUPERB', c: 'GOOD' } }),
      ),
    ).toBe('UNKNOWN_GRADE');
    expect(
      reason(() => normalizeChoice(q('MAJORITY_JUDGMENT'), { grades: { a: 'GOOD', b: 'GOOD' } })),
    ).toBe('INCOMPLETE');
    expect(
      reason(() =>
        normalizeChoice(q('MAJORITY_JUDGMENT'), {
          grades: { a: 'GOOD', b: 'GOOD', c: 'GOOD', z: 'GOOD' },
        }),
      ),
    ).toBe('UNKNOWN_OPTION');
    expect(reason(() => normalizeChoice(q('MAJORITY_JUDGMENT'), null))).toBe('MALFORMED');
  });

  it('createTally counts checked choices of every method', () => {
    const t = createTally(q('MAJORITY_JUDGMENT'));
    t.add(
      normalizeChoice(q('MAJORITY_JUDGMENT'), {
        grades: { c: 'EXCELLENT', b: 'GOOD', a: 'REJECT' },
      }),
    );
    expect(t.result().winners).toEqual(['c']);
  });
});
