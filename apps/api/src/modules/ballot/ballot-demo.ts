import { BallotMethod, CensusKind, GRADE_ORDER } from '@concerto/domain';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../common/database/unit-of-work';
import { sanitizeRichText } from '../../common/rich-text/rich-text';
import { newReceiptCode } from './receipt-code';

/** One demo ballot with one question, its period relative to now, and demo votes. */
export interface DemoBallot {
  title: string;
  explanation: string;
  question: string;
  method: BallotMethod;
  options: { title: string; description: string }[];
  /** Opening and closing, in days from now (negative = past). */
  opensInDays: number;
  closesInDays: number;
  secret: boolean;
  receiptsEnabled: boolean;
  /** One choice per demo voter, in the stored form (`counting/choice.ts`), keyed by option index. */
  votes: ({ optionIndexes: number[] } | { grades: string[] })[];
}

/**
 * Loads a demo ballot (called by the demo module, inside its transaction): the ballot marked
 * `is_demo`, its question and options, the census (all members) frozen at load, one
 * participation per demo voter (accounts marked `users.is_demo`) and its envelope — with a
 * receipt code when receipts are on — and the lifecycle events already past, so the scheduler
 * does not notify the members of a demo ballot's opening or close. A closed ballot's result is
 * frozen by its first read, as any other. Writes only this module's tables.
 * @param voterIds demo accounts, at least `ballot.votes.length`
 * @returns the ballot id
 */
export async function insertDemoBallot(
  manager: EntityManager,
  componentId: string,
  ballot: DemoBallot,
  voterIds: string[],
): Promise<string> {
  const [b] = await queryRows<{ id: string; closed: boolean }>(
    manager,
    `INSERT INTO ballots (component_id, title, explanation, opens_at, closes_at, secret, receipts_enabled, census_kind, is_demo)
     VALUES ($1, $2, $3, now() + make_interval(days => $4), now() + make_interval(days => $5), $6, $7, $8, true) RETURNING id, closes_at <= now() AS closed`,
    [
      componentId,
      ballot.title,
      sanitizeRichText(ballot.explanation),
      ballot.opensInDays,
      ballot.closesInDays,
      ballot.secret,
      ballot.receiptsEnabled,
      CensusKind.ALL_MEMBERS,
    ],
  );
  const [q] = await queryRows<{ id: string }>(
    manager,
    `INSERT INTO ballot_questions (ballot_id, position, title, method) VALUES ($1, 0, $2, $3) RETURNING id`,
    [b.id, ballot.question, ballot.method],
  );
  const options = await queryRows<{ id: string }>(
    manager,
    `INSERT INTO ballot_options (question_id, position, title, description)
     SELECT $1, t.position - 1, t.title, t.description FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(title, description, position) ORDER BY t.position RETURNING id`,
    [q.id, ballot.options.map((o) => o.title), ballot.options.map((o) => o.description)],
  );
  // census: every live account at load (the same rule as BallotCensus for ALL_MEMBERS)
  await manager.query(
    `INSERT INTO ballot_census_snapshots (ballot_id, voters, weight_milli) SELECT $1, count(*), count(*) FROM users WHERE deleted_at IS NULL`,
    [b.id],
  );
  for (const [index, vote] of ballot.votes.entries()) {
    const choice =
      'grades' in vote
        ? { grades: Object.fromEntries(vote.grades.map((g, i) => [options[i].id, g])) }
        : { optionIds: vote.optionIndexes.map((i) => options[i].id) };
    const [envelope] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO ballot_envelopes (ballot_id, choices, weight_milli, receipt_code) VALUES ($1, $2, 1, $3) RETURNING id`,
      [b.id, JSON.stringify({ [q.id]: choice }), ballot.receiptsEnabled ? newReceiptCode() : null],
    );
    await manager.query(
      `INSERT INTO ballot_participations (ballot_id, user_id, weight_milli, envelope_id) VALUES ($1, $2, 1, $3)`,
      [b.id, voterIds[index], ballot.secret ? null : envelope.id],
    );
  }
  const past =
    ballot.closesInDays <= 0
      ? ['OPENED', 'CLOSING_SOON', 'CLOSED']
      : ballot.opensInDays <= 0
        ? ['OPENED']
        : [];
  for (const kind of past)
    await manager.query(`INSERT INTO ballot_events (ballot_id, kind) VALUES ($1, $2)`, [
      b.id,
      kind,
    ]);
  return b.id;
}

/**
 * Deterministic demo grades: voter `i` gives option `j` the grade `base[j]` moved by a small
 * spread (−1 … +2 steps on « Excellent … À rejeter »), so each option gets a visible profile.
 * @param base index in {@link GRADE_ORDER} of each option's typical grade
 */
export function demoGrades(voters: number, base: number[]): string[][] {
  const spread = [-1, 0, 0, 1, 2, 0, 1];
  return Array.from({ length: voters }, (_, i) =>
    base.map(
      (b, j) => GRADE_ORDER[Math.min(6, Math.max(0, b + spread[(i * 3 + j * 5) % spread.length]))],
    ),
  );
}
