import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows members write, with the column naming the author. */
const AUTHORED: [table: string, column: string][] = [
  ['proposals', 'author_id'],
  ['comments', 'author_id'],
  ['amendments', 'author_id'],
  ['petitions', 'author_id'],
  ['ideas', 'author_id'],
  ['debate_statements', 'author_id'],
  ['meetings', 'created_by'],
];

/**
 * A blocked account writes nothing, held by PostgreSQL. Blocking locks the account's row
 * (`FOR UPDATE`), then hides what it wrote; a contribution inserted at the same moment would
 * otherwise commit after that pass and stay public. Each authored table gets a `BEFORE INSERT`
 * trigger that takes a key-share lock on the author's row and refuses the row when the account
 * is blocked (SQLSTATE `CB001`, answered as `ACCOUNT_BLOCKED`): an insert that comes first
 * holds its lock until it commits, so the block waits and then hides it; one that comes after
 * waits for the block to commit and is refused. (Key-share does not wait for ordinary updates
 * of the account row, only for the row locks of a block or a deletion.)
 */
export class BlockedAuthors1766900100000 implements MigrationInterface {
  name = 'BlockedAuthors1766900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION refuse_blocked_author() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        author uuid := (to_jsonb(NEW) ->> TG_ARGV[0])::uuid;
        blocked timestamptz;
      BEGIN
        IF author IS NOT NULL THEN
          SELECT blocked_at INTO blocked FROM users WHERE id = author FOR KEY SHARE;
          IF blocked IS NOT NULL THEN
            RAISE EXCEPTION 'account % is blocked', author USING ERRCODE = 'CB001';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    for (const [table, column] of AUTHORED)
      await q.query(
        `CREATE TRIGGER ${table}_refuse_blocked_author BEFORE INSERT ON ${table}
           FOR EACH ROW EXECUTE FUNCTION refuse_blocked_author('${column}')`,
      );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of AUTHORED)
      await q.query(`DROP TRIGGER ${table}_refuse_blocked_author ON ${table}`);
    await q.query(`DROP FUNCTION refuse_blocked_author()`);
  }
}
