/**
 * Pure helpers of the votation screens: the draft answer of each question in the booth, its
 * check before the review (the same rules as the API's `counting/choice.ts`), the moves of a
 * keyboard ranking, the words of a choice for the review and the verification, and the text of
 * a receipt file.
 */
import { GRADE_ORDER, type BallotMethod, type Grade } from '@concerto/domain';
import type { TFunction } from 'i18next';
import type { BallotChoice, BallotQuestion } from './graphql/ballots';

export { GRADE_ORDER };

/** What the voter has chosen so far for one question (the booth's state). */
export interface DraftAnswer {
  /** SINGLE and MULTIPLE: the chosen options. */
  optionIds: string[];
  /** RANKED: the ranked options, best first (the others are unranked). */
  ranking: string[];
  /** MAJORITY_JUDGMENT: the grade given to each option. */
  grades: Record<string, Grade>;
}

export const emptyDraft = (): DraftAnswer => ({ optionIds: [], ranking: [], grades: {} });

/** Why a draft answer cannot be cast yet. */
export type DraftProblem =
  | { kind: 'NONE_CHOSEN' }
  | { kind: 'TOO_FEW'; min: number; max: number }
  | { kind: 'TOO_MANY'; min: number; max: number }
  | { kind: 'NONE_RANKED' }
  | { kind: 'UNGRADED'; optionId: string };

/**
 * Checks a draft against its question, as the API will.
 * @returns null when it can be cast, else the first problem
 */
export function draftProblem(
  question: Pick<BallotQuestion, 'method' | 'minChoices' | 'maxChoices' | 'options'>,
  draft: DraftAnswer,
): DraftProblem | null {
  switch (question.method) {
    case 'SINGLE':
      return draft.optionIds.length === 1 ? null : { kind: 'NONE_CHOSEN' };
    case 'MULTIPLE': {
      const n = draft.optionIds.length;
      if (n < question.minChoices)
        return { kind: 'TOO_FEW', min: question.minChoices, max: question.maxChoices };
      if (n > question.maxChoices)
        return { kind: 'TOO_MANY', min: question.minChoices, max: question.maxChoices };
      return null;
    }
    case 'RANKED':
      return draft.ranking.length ? null : { kind: 'NONE_RANKED' };
    case 'MAJORITY_JUDGMENT': {
      const missing = question.options.find((o) => !draft.grades[o.id]);
      return missing ? { kind: 'UNGRADED', optionId: missing.id } : null;
    }
  }
}

/** The choice sent to the API for a checked draft. */
export function choiceOf(method: BallotMethod, draft: DraftAnswer): BallotChoice {
  if (method === 'RANKED') return { ranking: [...draft.ranking] };
  if (method === 'MAJORITY_JUDGMENT') return { grades: { ...draft.grades } };
  return { optionIds: [...draft.optionIds] };
}

/** A public voter's recorded choice back into a draft (to change it before the close). */
export function draftOf(choice: BallotChoice | undefined): DraftAnswer {
  const draft = emptyDraft();
  if (!choice) return draft;
  if ('optionIds' in choice) draft.optionIds = [...choice.optionIds];
  if ('ranking' in choice) draft.ranking = [...choice.ranking];
  if ('grades' in choice) draft.grades = { ...choice.grades };
  return draft;
}

/**
 * Moves a ranked option one place up (-1) or down (+1); unchanged at either end.
 * @returns a new ranking
 */
export function moveInRanking(
  ranking: readonly string[],
  optionId: string,
  delta: -1 | 1,
): string[] {
  const from = ranking.indexOf(optionId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ranking.length) return [...ranking];
  const next = [...ranking];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/**
 * Puts an option at a rank (1-based) — the « rang » select of each option; 0 removes it from
 * the ranking. Ranks past the end append it.
 */
export function placeInRanking(
  ranking: readonly string[],
  optionId: string,
  rank: number,
): string[] {
  const rest = ranking.filter((id) => id !== optionId);
  if (rank <= 0) return rest;
  const at = Math.min(rank - 1, rest.length);
  return [...rest.slice(0, at), optionId, ...rest.slice(at)];
}

/**
 * The words of a recorded choice, one line per item, for the review step and the verification.
 * @param titleOf option id → title (unknown ids are shown as they are)
 */
export function describeChoice(
  choice: BallotChoice | undefined,
  question: BallotQuestion,
  t: TFunction,
): string[] {
  const titleOf = (id: string) => question.options.find((o) => o.id === id)?.title ?? id;
  if (!choice) return [t('votes.choice.none')];
  if ('optionIds' in choice)
    return choice.optionIds.length ? choice.optionIds.map(titleOf) : [t('votes.choice.none')];
  if ('ranking' in choice) {
    const lines = choice.ranking.map((id, i) =>
      t('votes.choice.rank', { rank: i + 1, title: titleOf(id) }),
    );
    const unranked = question.options.filter((o) => !choice.ranking.includes(o.id));
    if (unranked.length)
      lines.push(t('votes.choice.unranked', { titles: unranked.map((o) => o.title).join(', ') }));
    return lines;
  }
  return question.options.map((o) =>
    t('votes.choice.grade', {
      title: o.title,
      grade: choice.grades[o.id] ? t(`votes.grade.${choice.grades[o.id]}`) : t('votes.choice.none'),
    }),
  );
}

/**
 * The text of the downloaded receipt: the votation, the code, and what it proves and does not.
 * Plain text, one paragraph per line (CRLF-free).
 */
export function receiptFileText(
  ballot: { title: string; closesAt: string },
  code: string,
  closes: string,
  t: TFunction,
): string {
  return [
    t('votes.receipt.fileTitle'),
    '',
    t('votes.receipt.fileBallot', { title: ballot.title }),
    t('votes.receipt.fileCode', { code }),
    t('votes.receipt.fileCloses', { date: closes }),
    '',
    t('votes.receipt.proves'),
    t('votes.receipt.doesNotProve'),
    t('votes.receipt.keepSecret'),
    '',
  ].join('\n');
}

/** Share of a total as a percentage with one decimal (0 when the total is 0). */
export const share = (value: number, total: number): number =>
  total > 0 ? Math.round((value * 1000) / total) / 10 : 0;
