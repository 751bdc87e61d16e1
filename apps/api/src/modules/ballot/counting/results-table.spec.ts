/**
 * The results downloads' tables, built from worked examples of the counting tests (Schulze 2011
 * §3.1; the majority-judgment tie-break of Balinski & Laraki 2011 as in Wikipedia's example):
 * the figures in the tables are those of the counts, in the ranking's order.
 */
import { Grade } from './choice';
import { MajorityJudgmentTally } from './majority-judgment';
import { OptionCountTally } from './plurality';
import { resultTables } from './results-table';
import { SchulzeTally } from './schulze';

const options = (...ids: string[]) => ids.map((id) => ({ id, title: `Option ${id}` }));

describe('results as tables (CSV and XLSX downloads)', () => {
  it('SINGLE: options by rank with votes and shares; a weighted census in voters’ weights, not thousandths', () => {
    const tally = new OptionCountTally('SINGLE', ['a', 'b', 'c']);
    tally.add(['b'], 1500);
    tally.add(['a'], 500);
    tally.add(['b'], 1000);
    const [table] = resultTables(
      [{ id: 'q', title: 'Présidence', method: 'SINGLE', options: options('a', 'b', 'c') }],
      [{ questionId: 'q', ...tally.result() }],
      1000,
    );
    expect(table.name).toBe('Q1');
    expect(table.rows).toContainEqual(['Poids total', 3]);
    expect(table.rows).toContainEqual(['Gagnant(s)', 'Option b']);
    const header = table.rows.findIndex((r) => r[0] === 'Rang');
    expect(table.rows.slice(header, header + 4)).toEqual([
      ['Rang', 'Option', 'Voix', 'Part (%)'],
      [1, 'Option b', 2.5, 83.3],
      [2, 'Option a', 0.5, 16.7],
      [3, 'Option c', 0, 0],
    ]);
  });

  it('RANKED (Schulze 2011, §3.1, 45 voters): ranking E > A > C > B > D, no Condorcet winner, the pairwise matrix by rows', () => {
    const ids = ['A', 'B', 'C', 'D', 'E'];
    const tally = new SchulzeTally(ids);
    for (const line of [
      '5 ACBED',
      '5 ADECB',
      '8 BEDAC',
      '3 CABED',
      '7 CAEBD',
      '2 CBADE',
      '7 DCEBA',
      '8 EBADC',
    ]) {
      const [count, order] = line.split(' ');
      for (let i = 0; i < Number(count); i++) tally.add(order.split(''));
    }
    const [table] = resultTables(
      [{ id: 'q', title: 'Ordre', method: 'RANKED', options: options(...ids) }],
      [{ questionId: 'q', ...tally.result() }],
      1,
    );
    expect(table.rows).toContainEqual(['Gagnant de Condorcet', 'aucun']);
    const ranks = table.rows.slice(table.rows.findIndex((r) => r[0] === 'Rang') + 1).slice(0, 5);
    expect(ranks).toEqual([
      [1, 'Option E'],
      [2, 'Option A'],
      [3, 'Option C'],
      [4, 'Option B'],
      [5, 'Option D'],
    ]);
    const matrixHeader = table.rows.findIndex((r) => r[0] === null && r[1] === 'Option A');
    expect(table.rows[matrixHeader + 1]).toEqual(['Option A', null, 20, 26, 30, 22]);
    expect(table.rows[matrixHeader + 5]).toEqual(['Option E', 23, 27, 21, 31, null]);
  });

  it('MAJORITY_JUDGMENT: majority grade, gauge and profile per option, and the tie-break in words', () => {
    const tally = new MajorityJudgmentTally(['X', 'Y']);
    const ballots: [Grade, Grade][] = [
      ['GOOD', 'EXCELLENT'],
      ['GOOD', 'PASSABLE'],
      ['PASSABLE', 'PASSABLE'],
      ['INSUFFICIENT', 'PASSABLE'],
    ];
    for (const [x, y] of ballots) tally.add({ X: x, Y: y });
    const [table] = resultTables(
      [{ id: 'q', title: 'Appréciation', method: 'MAJORITY_JUDGMENT', options: options('X', 'Y') }],
      [{ questionId: 'q', ...tally.result() }],
      1,
    );
    const header = table.rows.findIndex((r) => r[0] === 'Rang');
    expect(table.rows[header]).toEqual([
      'Rang',
      'Option',
      'Mention majoritaire',
      'Au-dessus de la mention',
      'En dessous de la mention',
      'Excellent',
      'Très bien',
      'Bien',
      'Assez bien',
      'Passable',
      'Insuffisant',
      'À rejeter',
    ]);
    expect(table.rows[header + 1]).toEqual([1, 'Option X', 'Passable', 2, 1, 0, 0, 2, 0, 1, 1, 0]);
    expect(table.rows[header + 2]).toEqual([2, 'Option Y', 'Passable', 1, 0, 1, 0, 0, 0, 3, 0, 0]);
    expect(table.rows).toContainEqual(['Option X', 'Option Y', 'Passable', 1, 'Bien', 'Passable']);
  });

  it('a question without results yet keeps its title and method, with no figures invented', () => {
    const [table] = resultTables(
      [{ id: 'q', title: 'Vide', method: 'SINGLE', options: options('a') }],
      [],
      1,
    );
    expect(table.rows).toEqual([['Vide'], ['Méthode', 'Choix unique'], ['Bulletins', 0]]);
  });
});
