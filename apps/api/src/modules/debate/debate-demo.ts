import type { EntityManager } from 'typeorm';
import { queryRows } from '../../common/database/unit-of-work';
import { sanitizeRichText } from '../../common/rich-text/rich-text';
import { seededRandom } from '../../common/opinion/seeded-random';

/** The demo debate file (`demo/data/debate.json`). */
export interface DemoDebateFile {
  componentTitle: string;
  componentDescription: string;
  debate: { title: string; description: string };
  archetypes: Record<string, string>;
  /** Annex 1's respondent typology: how many synthetic voters of each type, and the opinion archetype they vote with. */
  voters: { typology: string; label: string; count: number; archetype: string }[];
  voting: { seed: number; seenRate: number; passRate: number };
  /** Statements with, per archetype, the chance that a voter of it agrees (else disagrees) when not passing. */
  statements: { source: string; body: string; agree: Record<string, number> }[];
}

/**
 * Loads the demo debate (called by the demo module, inside its transaction): the debate, its
 * statements as seed statements, and the votes of synthetic voters drawn from annex 1's
 * typology — each voter sees a statement with probability `seenRate`, passes with `passRate`,
 * else agrees with the probability of their archetype — from a seeded generator, so every
 * fresh database gets the same votes. Everything is marked `is_demo`. Writes only this module's
 * tables.
 * @param voters demo accounts in the order of `file.voters` (each type's `count` in turn)
 * @returns the debate id
 */
export async function insertDemoDebate(
  manager: EntityManager,
  componentId: string,
  file: DemoDebateFile,
  voters: string[],
): Promise<string> {
  const [debate] = await queryRows<{ id: string }>(
    manager,
    `INSERT INTO debates (component_id, title, description, is_demo) VALUES ($1, $2, $3, true) RETURNING id`,
    [componentId, file.debate.title, sanitizeRichText(file.debate.description)],
  );
  const statements = await queryRows<{ id: string }>(
    manager,
    `INSERT INTO debate_statements (debate_id, body, state, seeded, is_demo) SELECT $1, body, 'PUBLISHED', true, true FROM unnest($2::text[]) WITH ORDINALITY AS s(body, n) ORDER BY n RETURNING id`,
    [debate.id, file.statements.map((s) => s.body)],
  );
  const archetypeOf: string[] = file.voters.flatMap((v) =>
    Array.from({ length: v.count }, () => v.archetype),
  );
  const random = seededRandom(file.voting.seed);
  const rows: { statement: string[]; user: string[]; value: number[] } = {
    statement: [],
    user: [],
    value: [],
  };
  voters.forEach((userId, i) => {
    file.statements.forEach((s, j) => {
      if (random() >= file.voting.seenRate) return;
      const value =
        random() < file.voting.passRate ? 0 : random() < (s.agree[archetypeOf[i]] ?? 0.5) ? 1 : -1;
      rows.statement.push(statements[j].id);
      rows.user.push(userId);
      rows.value.push(value);
    });
  });
  await manager.query(
    `INSERT INTO debate_votes (statement_id, user_id, debate_id, value, is_demo) SELECT s, u, $1, v, true FROM unnest($2::uuid[], $3::uuid[], $4::smallint[]) AS x(s, u, v)`,
    [debate.id, rows.statement, rows.user, rows.value],
  );
  return debate.id;
}
