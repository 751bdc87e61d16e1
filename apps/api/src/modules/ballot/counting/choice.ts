/**
 * What a voter may put in a ballot for one question, and how it is checked.
 *
 * Pure and dependency-free at run time (type-only imports): the API, the `recount` command and the benchmarks share it, so a
 * published list of (receipt, choices) is read by exactly the code that accepted the votes.
 */

import type { BallotChoice, BallotMethod, Grade } from '@concerto/domain';

/** Counting method of a question (the domain's `BallotMethod`). */
export type CountingMethod = BallotMethod;

/**
 * The seven grades of majority judgment, best first (Balinski & Laraki, *Majority Judgment*, MIT
 * Press 2011). The same list as `GRADE_ORDER` of `@concerto/domain` (the web's grid and results),
 * written here because the `recount` script transpiles this folder alone, with no package to
 * resolve; its type is the domain's `Grade`, and `counting.spec.ts` checks the two lists are equal.
 */
export const GRADES = [
  'EXCELLENT',
  'VERY_GOOD',
  'GOOD',
  'FAIRLY_GOOD',
  'PASSABLE',
  'INSUFFICIENT',
  'REJECT',
] as const satisfies readonly Grade[];
export type { Grade };

/** The shape of a question that counting and checking need: its options and its method. */
export interface QuestionShape {
  method: CountingMethod;
  /** Option identifiers, in display order (the order of the pairwise matrix and profiles). */
  optionIds: readonly string[];
  /** MULTIPLE only: fewest and most options a voter may approve (1 ≤ min ≤ max ≤ options). */
  minChoices?: number;
  maxChoices?: number;
}

/**
 * A voter's choice on one question, normalised.
 * - SINGLE: `{ optionIds: [one] }`
 * - MULTIPLE: `{ optionIds: [...] }`, sorted in question order
 * - RANKED: `{ ranking: [best, …] }`, a strict order of some or all options (unranked options come
 *   after every ranked one, tied among themselves)
 * - MAJORITY_JUDGMENT: `{ grades: { [optionId]: Grade } }`, every option graded
 */
export type Choice = BallotChoice;

/** Why a choice was refused; the API maps it to `BAD_USER_INPUT` with `details.reason`. */
export type ChoiceErrorReason =
  | 'MALFORMED'
  | 'UNKNOWN_OPTION'
  | 'DUPLICATE_OPTION'
  | 'OUT_OF_RANGE'
  | 'UNKNOWN_GRADE'
  | 'INCOMPLETE';

/** A refused choice: `reason` is stable, `message` is French and names the problem, `english` says the same in English. */
export class ChoiceError extends Error {
  constructor(
    readonly reason: ChoiceErrorReason,
    message: string,
    readonly english: string,
    readonly optionId?: string,
  ) {
    super(message);
    this.name = 'ChoiceError';
  }
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

/** Checks that `ids` are known and distinct; returns them as given. */
function knownDistinct(question: QuestionShape, ids: string[]): string[] {
  const known = new Set(question.optionIds);
  const seen = new Set<string>();
  for (const id of ids) {
    if (!known.has(id))
      throw new ChoiceError(
        'UNKNOWN_OPTION',
        `Option inconnue dans cette question : ${id.slice(0, 64)}.`,
        `Unknown option in this question: ${id.slice(0, 64)}.`,
        id,
      );
    if (seen.has(id))
      throw new ChoiceError(
        'DUPLICATE_OPTION',
        `Une option figure deux fois : ${id}.`,
        `An option appears twice: ${id}.`,
        id,
      );
    seen.add(id);
  }
  return ids;
}

/**
 * Checks a raw choice (parsed JSON from the voter or from a published file) against a question
 * and returns it normalised.
 * @throws ChoiceError MALFORMED (wrong shape), UNKNOWN_OPTION, DUPLICATE_OPTION, OUT_OF_RANGE
 *   (SINGLE not exactly one option; MULTIPLE outside [min, max]; RANKED empty), UNKNOWN_GRADE,
 *   INCOMPLETE (MAJORITY_JUDGMENT: an option left ungraded)
 */
export function normalizeChoice(question: QuestionShape, raw: unknown): Choice {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ChoiceError('MALFORMED', 'Choix illisible.', 'Unreadable choice.');
  const value = raw as Record<string, unknown>;
  const order = new Map(question.optionIds.map((id, i) => [id, i]));
  switch (question.method) {
    case 'SINGLE': {
      if (!isStringArray(value.optionIds))
        throw new ChoiceError(
          'MALFORMED',
          'Choix illisible : une liste d’options est attendue.',
          'Unreadable choice: a list of options is expected.',
        );
      const ids = knownDistinct(question, value.optionIds);
      if (ids.length !== 1)
        throw new ChoiceError(
          'OUT_OF_RANGE',
          'Choisissez exactement une option.',
          'Choose exactly one option.',
        );
      return { optionIds: ids };
    }
    case 'MULTIPLE': {
      if (!isStringArray(value.optionIds))
        throw new ChoiceError(
          'MALFORMED',
          'Choix illisible : une liste d’options est attendue.',
          'Unreadable choice: a list of options is expected.',
        );
      const ids = knownDistinct(question, value.optionIds);
      const min = question.minChoices ?? 1;
      const max = question.maxChoices ?? question.optionIds.length;
      if (ids.length < min || ids.length > max) {
        throw new ChoiceError(
          'OUT_OF_RANGE',
          min === max
            ? `Choisissez exactement ${min} option${min > 1 ? 's' : ''}.`
            : `Choisissez entre ${min} et ${max} options.`,
          min === max
            ? `Choose exactly ${min} option${min > 1 ? 's' : ''}.`
            : `Choose from ${min} to ${max} options.`,
        );
      }
      return { optionIds: [...ids].sort((a, b) => order.get(a)! - order.get(b)!) };
    }
    case 'RANKED': {
      if (!isStringArray(value.ranking))
        throw new ChoiceError(
          'MALFORMED',
          'Classement illisible : une liste d’options est attendue.',
          'Unreadable ranking: a list of options is expected.',
        );
      const ids = knownDistinct(question, value.ranking);
      if (ids.length === 0)
        throw new ChoiceError(
          'OUT_OF_RANGE',
          'Classez au moins une option.',
          'Rank at least one option.',
        );
      return { ranking: [...ids] };
    }
    case 'MAJORITY_JUDGMENT': {
      const grades = value.grades;
      if (typeof grades !== 'object' || grades === null || Array.isArray(grades))
        throw new ChoiceError('MALFORMED', 'Mentions illisibles.', 'Unreadable grades.');
      const entries = Object.entries(grades as Record<string, unknown>);
      knownDistinct(
        question,
        entries.map(([id]) => id),
      );
      const out: Record<string, Grade> = {};
      for (const [id, grade] of entries) {
        if (typeof grade !== 'string' || !(GRADES as readonly string[]).includes(grade)) {
          throw new ChoiceError(
            'UNKNOWN_GRADE',
            `Mention inconnue pour l’option ${id} : ${String(grade).slice(0, 32)}.`,
            `Unknown grade for option ${id}: ${String(grade).slice(0, 32)}.`,
            id,
          );
        }
        out[id] = grade as Grade;
      }
      const missing = question.optionIds.find((id) => !(id in out));
      if (missing)
        throw new ChoiceError(
          'INCOMPLETE',
          'Attribuez une mention à chaque option.',
          'Give each option a grade.',
          missing,
        );
      // key order follows the question, so equal choices serialise identically
      return { grades: Object.fromEntries(question.optionIds.map((id) => [id, out[id]])) };
    }
  }
}
