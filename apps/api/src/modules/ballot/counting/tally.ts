/**
 * One entry point for counting a question, whatever its method: a streaming tally that takes
 * checked choices one ballot at a time (memory independent of the number of ballots) and gives
 * a JSON-serialisable result. Used by the API when it freezes results, by `npm run recount`
 * on a published file, and by `bench/ballot-counting.mjs`.
 */
import { Choice, QuestionShape } from './choice';
import { MajorityJudgmentResult, MajorityJudgmentTally } from './majority-judgment';
import { OptionCountResult, OptionCountTally } from './plurality';
import { SchulzeResult, SchulzeTally } from './schulze';

export type QuestionResult = OptionCountResult | SchulzeResult | MajorityJudgmentResult;

/** A streaming tally of one question. */
export interface QuestionTally {
  /** Adds one checked choice with its weight (a positive integer, 1 by default). */
  add(choice: Choice, weight?: number): void;
  result(): QuestionResult;
}

/** Creates the tally of a question's method. */
export function createTally(question: QuestionShape): QuestionTally {
  switch (question.method) {
    case 'SINGLE':
    case 'MULTIPLE': {
      const t = new OptionCountTally(question.method, question.optionIds);
      return {
        add: (c, w) => t.add((c as { optionIds: string[] }).optionIds, w),
        result: () => t.result(),
      };
    }
    case 'RANKED': {
      const t = new SchulzeTally(question.optionIds);
      return {
        add: (c, w) => t.add((c as { ranking: string[] }).ranking, w),
        result: () => t.result(),
      };
    }
    case 'MAJORITY_JUDGMENT': {
      const t = new MajorityJudgmentTally(question.optionIds);
      return {
        add: (c, w) => t.add((c as { grades: Record<string, any> }).grades, w),
        result: () => t.result(),
      };
    }
  }
}
