import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Débats (DEBATE component, Pol.is-style): debates, short statements, agree/disagree/pass votes,
 * and the analysis snapshots.
 *
 * - One vote per (statement, participant): the primary key of `debate_votes`; a changed vote is
 *   an `INSERT … ON CONFLICT DO UPDATE` of that row, so any number of concurrent votes by one
 *   participant leave exactly one row.
 * - A statement is at most 280 characters and not blank: CHECK constraints (the API checks first
 *   and answers with a coded error; the constraint is the last word).
 * - `debate_analyses` holds one snapshot per debate (the latest), `debate_positions` each
 *   participant's point on the map of that snapshot (read only for the participant's own
 *   position; the map shows points without ids).
 * - The CHECK lists of `components.type`, `comments.commentable_type`, `follows.followable_type`
 *   and `moderations.reportable_type` gain DEBATE / DEBATE, DEBATE_STATEMENT: the values already
 *   in each list are read from the catalogue and kept, so a migration of another branch widening
 *   the same lists, run before or after this one, keeps its values.
 */
export class Debates1765950000000 implements MigrationInterface {
  name = 'Debates1765950000000';

  async up(q: QueryRunner): Promise<void> {
    await widen(q, 'components', 'components_type_check', 'type', ['DEBATE']);
    await widen(q, 'comments', 'comments_commentable_type_check', 'commentable_type', ['DEBATE']);
    await widen(q, 'follows', 'follows_followable_type_check', 'followable_type', ['DEBATE']);
    await widen(q, 'moderations', 'moderations_reportable_type_check', 'reportable_type', [
      'DEBATE',
      'DEBATE_STATEMENT',
    ]);
    await q.query(`
      CREATE TABLE debates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 150),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 20000),
        closed_at timestamptz,
        comments_count integer NOT NULL DEFAULT 0 CHECK (comments_count >= 0),
        follows_count integer NOT NULL DEFAULT 0 CHECK (follows_count >= 0),
        hidden_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX debates_component_idx ON debates (component_id, created_at, id)`);
    await q.query(`
      CREATE TABLE debate_statements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        debate_id uuid NOT NULL REFERENCES debates(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 280 AND body ~ '[^[:space:]]'),
        state text NOT NULL CHECK (state IN ('PUBLISHED', 'PENDING', 'REJECTED')),
        seeded boolean NOT NULL DEFAULT false,
        hidden_at timestamptz,
        position bigint GENERATED ALWAYS AS IDENTITY,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX debate_statements_debate_idx ON debate_statements (debate_id, position)`,
    );
    await q.query(`CREATE INDEX debate_statements_author_idx ON debate_statements (author_id)`);
    await q.query(`
      CREATE TABLE debate_votes (
        statement_id uuid NOT NULL REFERENCES debate_statements(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        debate_id uuid NOT NULL REFERENCES debates(id) ON DELETE CASCADE,
        value smallint NOT NULL CHECK (value IN (-1, 0, 1)),
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT debate_votes_once PRIMARY KEY (statement_id, user_id)
      )`);
    await q.query(`CREATE INDEX debate_votes_participant_idx ON debate_votes (debate_id, user_id)`);
    await q.query(`CREATE INDEX debate_votes_changed_idx ON debate_votes (debate_id, updated_at)`);
    await q.query(`CREATE INDEX debate_votes_user_idx ON debate_votes (user_id)`);
    await q.query(`
      CREATE TABLE debate_analyses (
        debate_id uuid PRIMARY KEY REFERENCES debates(id) ON DELETE CASCADE,
        computed_at timestamptz NOT NULL DEFAULT now(),
        basis_votes integer NOT NULL,
        basis_changed_at timestamptz,
        duration_ms integer NOT NULL,
        result jsonb NOT NULL
      )`);
    await q.query(`
      CREATE TABLE debate_positions (
        debate_id uuid NOT NULL REFERENCES debates(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        x real NOT NULL,
        y real NOT NULL,
        group_id smallint,
        PRIMARY KEY (debate_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS debate_positions`);
    await q.query(`DROP TABLE IF EXISTS debate_analyses`);
    await q.query(`DROP TABLE IF EXISTS debate_votes`);
    await q.query(`DROP TABLE IF EXISTS debate_statements`);
    await q.query(`DROP TABLE IF EXISTS debates`);
    await q.query(`DELETE FROM comments WHERE commentable_type = 'DEBATE'`);
    await q.query(`DELETE FROM follows WHERE followable_type = 'DEBATE'`);
    await q.query(
      `DELETE FROM moderations WHERE reportable_type IN ('DEBATE', 'DEBATE_STATEMENT')`,
    );
    await q.query(`DELETE FROM components WHERE type = 'DEBATE'`);
    await narrow(q, 'components', 'components_type_check', 'type', ['DEBATE']);
    await narrow(q, 'comments', 'comments_commentable_type_check', 'commentable_type', ['DEBATE']);
    await narrow(q, 'follows', 'follows_followable_type_check', 'followable_type', ['DEBATE']);
    await narrow(q, 'moderations', 'moderations_reportable_type_check', 'reportable_type', [
      'DEBATE',
      'DEBATE_STATEMENT',
    ]);
  }
}

/** The quoted values of an `IN (…)` CHECK constraint, read from the catalogue. */
async function checkValues(q: QueryRunner, table: string, constraint: string): Promise<string[]> {
  const [row] = await q.query(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND conname = $2`,
    [table, constraint],
  );
  return row ? [...String(row.def).matchAll(/'([^']+)'/g)].map((m) => m[1]) : [];
}

async function rewrite(
  q: QueryRunner,
  table: string,
  constraint: string,
  column: string,
  values: string[],
): Promise<void> {
  const list = values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
  await q.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${constraint}`);
  await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${constraint} CHECK (${column} IN (${list}))`);
}

async function widen(
  q: QueryRunner,
  table: string,
  constraint: string,
  column: string,
  added: string[],
): Promise<void> {
  const values = await checkValues(q, table, constraint);
  await rewrite(q, table, constraint, column, [
    ...values,
    ...added.filter((v) => !values.includes(v)),
  ]);
}

async function narrow(
  q: QueryRunner,
  table: string,
  constraint: string,
  column: string,
  removed: string[],
): Promise<void> {
  const values = await checkValues(q, table, constraint);
  await rewrite(
    q,
    table,
    constraint,
    column,
    values.filter((v) => !removed.includes(v)),
  );
}
