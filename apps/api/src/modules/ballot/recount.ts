/**
 * Recounts a published list of ballots (`GET /exports/ballots/:id/ballots.json`) with the same
 * pure counting modules the API used, and compares with the results it states.
 *
 * Usage: `npm run recount -- path/to/votation-…-bulletins.json` — prints each question's winners
 * and whether the recount matches the published results; exits 1 on a mismatch or an invalid
 * ballot. Reads nothing but the file.
 */
import { Choice, normalizeChoice, QuestionShape } from './counting/choice';
import { createTally, QuestionResult } from './counting/tally';

export interface PublishedFile {
  format: string;
  ballot: { id: string; title: string; weightUnit: number };
  questions: (QuestionShape & {
    id: string;
    title: string;
    options: { id: string; title: string }[];
  })[];
  results: unknown[] | null;
  ballots: { receipt: string | null; weight: number; choices: Record<string, unknown> }[];
}

/**
 * Checks every ballot of the file against its questions and counts them.
 * @returns the recomputed results (same shape as the published ones) and whether they match
 * @throws Error on an unknown format or a ballot the rules refuse (with its receipt or position)
 */
export function recountPublished(file: PublishedFile): {
  questions: (QuestionResult & { questionId: string })[];
  matches: boolean;
} {
  if (file.format !== 'concerto-ballots/1') throw new Error(`unknown format ${file.format}`);
  const shapes = file.questions.map((q) => ({
    id: q.id,
    method: q.method,
    minChoices: q.minChoices,
    maxChoices: q.maxChoices,
    optionIds: q.options.map((o) => o.id),
  }));
  const tallies = shapes.map((q) => ({ id: q.id, shape: q, tally: createTally(q) }));
  file.ballots.forEach((ballot, index) => {
    for (const t of tallies) {
      const raw = ballot.choices[t.id];
      if (raw === undefined) continue;
      let choice: Choice;
      try {
        choice = normalizeChoice(t.shape, raw);
      } catch (error) {
        throw new Error(
          `ballot ${ballot.receipt ?? `#${index + 1}`}, question ${t.id}: ${(error as Error).message}`,
        );
      }
      t.tally.add(choice, ballot.weight);
    }
  });
  const questions = tallies.map((t) => ({ questionId: t.id, ...t.tally.result() }));
  return { questions, matches: canonical(questions) === canonical(file.results) };
}

/** JSON with object keys sorted, so two results compare equal whatever order their keys were stored in. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
