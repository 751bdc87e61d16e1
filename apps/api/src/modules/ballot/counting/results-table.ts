/**
 * The frozen results of a votation as tables of cells, for the CSV and XLSX downloads: one
 * table per question, with the same figures as the results page (counts in voters, or in
 * weight when the census is weighted; shares in percent of the weight counted) and the full
 * count of each method — the pairwise-preference matrix of a RANKED question (Schulze), the
 * grade profile of each option of a MAJORITY_JUDGMENT question (Balinski and Laraki, 2011)
 * with its majority grade and gauge, and how ties were broken.
 *
 * Pure: no I/O. Numbers stay numbers (a spreadsheet can sum them); options are named by their
 * titles, grades by their French names.
 */
import { GRADES, Grade } from './choice';
import type { MajorityJudgmentResult } from './majority-judgment';
import type { OptionCountResult } from './plurality';
import type { SchulzeResult } from './schulze';
import type { QuestionResult } from './tally';

/** A cell: text, a number, or empty. */
export type ResultCell = string | number | null;

/** One question's results as rows of cells (first row: the question's title). */
export interface ResultTable {
  /** Short name for a sheet: « Q1 », « Q2 »… */
  name: string;
  title: string;
  rows: ResultCell[][];
}

/** What the tables need of a question: its title, method and options in order. */
export interface ResultQuestion {
  id: string;
  title: string;
  method: string;
  options: ReadonlyArray<{ id: string; title: string }>;
}

/** French names of the majority-judgment grades, best first. */
export const GRADE_NAMES_FR: Record<Grade, string> = {
  EXCELLENT: 'Excellent',
  VERY_GOOD: 'Très bien',
  GOOD: 'Bien',
  FAIRLY_GOOD: 'Assez bien',
  PASSABLE: 'Passable',
  INSUFFICIENT: 'Insuffisant',
  REJECT: 'À rejeter',
};

const METHOD_NAMES_FR: Record<string, string> = {
  SINGLE: 'Choix unique',
  MULTIPLE: 'Choix multiple (vote par approbation)',
  RANKED: 'Classement (méthode de Schulze)',
  MAJORITY_JUDGMENT: 'Jugement majoritaire',
};

/** Percentage with one decimal, of `total` (0 when nothing was counted). */
const percent = (value: number, total: number): number =>
  total > 0 ? Math.round((value * 1000) / total) / 10 : 0;

/**
 * Builds one table per question from the frozen results.
 * @param questions the ballot's questions, in order (titles and options)
 * @param results the frozen results, one per question (matched by `questionId`, as stored at the close)
 * @param weightUnit 1000 when the census is weighted (weights stored in thousandths), else 1
 * @returns the tables, in question order
 */
export function resultTables(
  questions: readonly ResultQuestion[],
  results: readonly (QuestionResult & { questionId: string })[],
  weightUnit: number,
): ResultTable[] {
  return questions.map((question, i) => {
    const result = results.find((r) => r.questionId === question.id);
    const title = (id: string) => question.options.find((o) => o.id === id)?.title ?? id;
    const weight = (w: number) => w / weightUnit;
    const rows: ResultCell[][] = [
      [question.title],
      ['Méthode', METHOD_NAMES_FR[question.method] ?? question.method],
      ['Bulletins', result?.ballots ?? 0],
    ];
    if (weightUnit !== 1) rows.push(['Poids total', weight(result?.totalWeight ?? 0)]);
    if (!result) return { name: `Q${i + 1}`, title: question.title, rows };
    const rank = rankOf(result.ranking);
    rows.push(['Gagnant(s)', result.winners.map(title).join(' | ')]);
    rows.push([]);
    if (result.method === 'SINGLE' || result.method === 'MULTIPLE')
      rows.push(...optionCountRows(result, question, rank, title, weight));
    else if (result.method === 'RANKED') rows.push(...schulzeRows(result, rank, title));
    else if (result.method === 'MAJORITY_JUDGMENT')
      rows.push(...majorityJudgmentRows(result, rank, title, weight));
    return { name: `Q${i + 1}`, title: question.title, rows };
  });
}

/** Rank (1 = best, tied options share a rank) per option id, from tiers best first. */
function rankOf(ranking: readonly (readonly string[])[]): Map<string, number> {
  const rank = new Map<string, number>();
  let position = 1;
  for (const tier of ranking) {
    for (const id of tier) rank.set(id, position);
    position += tier.length;
  }
  return rank;
}

function optionCountRows(
  result: OptionCountResult,
  question: ResultQuestion,
  rank: Map<string, number>,
  title: (id: string) => string,
  weight: (w: number) => number,
): ResultCell[][] {
  const rows: ResultCell[][] = [['Rang', 'Option', 'Voix', 'Part (%)']];
  const order = question.options
    .map((o) => o.id)
    .sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
  for (const id of order)
    rows.push([
      rank.get(id) ?? null,
      title(id),
      weight(result.counts[id] ?? 0),
      percent(result.counts[id] ?? 0, result.totalWeight),
    ]);
  return rows;
}

function schulzeRows(
  result: SchulzeResult,
  rank: Map<string, number>,
  title: (id: string) => string,
): ResultCell[][] {
  const rows: ResultCell[][] = [
    ['Gagnant de Condorcet', result.condorcetWinner ? title(result.condorcetWinner) : 'aucun'],
  ];
  rows.push([], ['Rang', 'Option']);
  for (const tier of result.ranking)
    for (const id of tier) rows.push([rank.get(id) ?? null, title(id)]);
  rows.push(
    [],
    [
      'Préférences par paires : nombre de bulletins qui classent l’option de la ligne avant celle de la colonne',
    ],
  );
  rows.push([null, ...result.optionIds.map(title)]);
  result.optionIds.forEach((id, r) =>
    rows.push([title(id), ...result.pairwise[r].map((value, c) => (r === c ? null : value))]),
  );
  return rows;
}

function majorityJudgmentRows(
  result: MajorityJudgmentResult,
  rank: Map<string, number>,
  title: (id: string) => string,
  weight: (w: number) => number,
): ResultCell[][] {
  const grades = result.grades.length ? result.grades : [...GRADES];
  const rows: ResultCell[][] = [
    [
      'Rang',
      'Option',
      'Mention majoritaire',
      'Au-dessus de la mention',
      'En dessous de la mention',
      ...grades.map((g) => GRADE_NAMES_FR[g]),
    ],
  ];
  for (const tier of result.ranking) {
    for (const id of tier) {
      const majority = result.majorityGrades[id];
      const gauge = result.gauges[id] ?? { better: 0, worse: 0 };
      rows.push([
        rank.get(id) ?? null,
        title(id),
        majority ? GRADE_NAMES_FR[majority] : '',
        weight(gauge.better),
        weight(gauge.worse),
        ...(result.profiles[id] ?? []).map(weight),
      ]);
    }
  }
  if (result.tieBreaks.length) {
    rows.push([], ['Départage des mentions égales (médianes retirées une à une)']);
    rows.push([
      'Devant',
      'Derrière',
      'Mention commune',
      'Médianes retirées',
      'Mention de l’option devant',
      'Mention de l’option derrière',
    ]);
    for (const tie of result.tieBreaks) {
      rows.push([
        title(tie.higher),
        title(tie.lower),
        GRADE_NAMES_FR[tie.majorityGrade],
        weight(tie.removed),
        GRADE_NAMES_FR[tie.higherGrade],
        GRADE_NAMES_FR[tie.lowerGrade],
      ]);
    }
  }
  return rows;
}
