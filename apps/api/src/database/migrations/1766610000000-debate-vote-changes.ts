import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the Débat analysis needs to read only the votes changed since its last run (issue 19,
 * incremental analysis):
 *
 * - `debate_votes.changed_xid`: the id of the transaction that last wrote the vote (a default on
 *   insert, a trigger on update, whoever writes). With the snapshot of the previous read
 *   (`pg_current_snapshot()`), the rows written since are exactly those whose `changed_xid` that
 *   snapshot does not see (`NOT pg_visible_in_snapshot`), including transactions that were still
 *   running then and committed later — which a timestamp watermark would miss.
 * - `debates.votes_deleted`: a counter raised by a statement trigger on every deletion of votes
 *   (an account erased, a statement deleted): a deleted vote leaves no row to find, so a changed
 *   counter sends the analysis back to a full read.
 */
export class DebateVoteChanges1766610000000 implements MigrationInterface {
  name = 'DebateVoteChanges1766610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE debate_votes ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id()`,
    );
    await q.query(
      `ALTER TABLE debate_votes ADD COLUMN created_xid xid8 NOT NULL DEFAULT pg_current_xact_id()`,
    );
    await q.query(
      `CREATE INDEX debate_votes_changed_xid_idx ON debate_votes (debate_id, changed_xid)`,
    );
    await q.query(`ALTER TABLE debates ADD COLUMN votes_deleted bigint NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE FUNCTION debate_votes_touch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.changed_xid := pg_current_xact_id();
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER debate_votes_touch BEFORE UPDATE ON debate_votes
        FOR EACH ROW EXECUTE FUNCTION debate_votes_touch()`);
    await q.query(`
      CREATE FUNCTION debate_votes_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE debates d SET votes_deleted = d.votes_deleted + o.n
          FROM (SELECT debate_id, count(*) AS n FROM old_votes GROUP BY debate_id) o
         WHERE d.id = o.debate_id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER debate_votes_count_deleted AFTER DELETE ON debate_votes
        REFERENCING OLD TABLE AS old_votes FOR EACH STATEMENT EXECUTE FUNCTION debate_votes_count_deleted()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS debate_votes_count_deleted ON debate_votes`);
    await q.query(`DROP FUNCTION IF EXISTS debate_votes_count_deleted()`);
    await q.query(`DROP TRIGGER IF EXISTS debate_votes_touch ON debate_votes`);
    await q.query(`DROP FUNCTION IF EXISTS debate_votes_touch()`);
    await q.query(`ALTER TABLE debates DROP COLUMN IF EXISTS votes_deleted`);
    await q.query(`DROP INDEX IF EXISTS debate_votes_changed_xid_idx`);
    await q.query(`ALTER TABLE debate_votes DROP COLUMN IF EXISTS changed_xid`);
    await q.query(`ALTER TABLE debate_votes DROP COLUMN IF EXISTS created_xid`);
  }
}
