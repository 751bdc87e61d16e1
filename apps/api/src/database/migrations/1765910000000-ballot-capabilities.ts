import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  CAPABILITY_TYPE_CHECKS as CHECKS,
  setAllowedValue as setAllowed,
} from '../check-constraint-lists';

/**
 * Votations join the shared capabilities (comments, follows, reports, history): their counters
 * and the hidden mark, as the other hosts keep them. Counters move in the transaction of the
 * comment or follow; `hidden_at` is set by moderation once the report threshold is reached.
 * The CHECK lists of `comments.commentable_type`, `follows.followable_type` and
 * `moderations.reportable_type` gain BALLOT: read from the current constraint and re-added with
 * BALLOT appended, so lists widened by other branches are kept whatever the order.
 */
export class BallotCapabilities1765910000000 implements MigrationInterface {
  name = 'BallotCapabilities1765910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE ballots ADD COLUMN comments_count integer NOT NULL DEFAULT 0 CHECK (comments_count >= 0)`,
    );
    await q.query(
      `ALTER TABLE ballots ADD COLUMN follows_count integer NOT NULL DEFAULT 0 CHECK (follows_count >= 0)`,
    );
    await q.query(`ALTER TABLE ballots ADD COLUMN hidden_at timestamptz`);
    for (const [table, column, constraint] of CHECKS)
      await setAllowed(q, table, column, constraint, 'BALLOT', true);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM comments WHERE commentable_type = 'BALLOT'`);
    await q.query(`DELETE FROM follows WHERE followable_type = 'BALLOT'`);
    await q.query(`DELETE FROM moderations WHERE reportable_type = 'BALLOT'`);
    for (const [table, column, constraint] of CHECKS)
      await setAllowed(q, table, column, constraint, 'BALLOT', false);
    await q.query(`ALTER TABLE ballots DROP COLUMN hidden_at`);
    await q.query(`ALTER TABLE ballots DROP COLUMN follows_count`);
    await q.query(`ALTER TABLE ballots DROP COLUMN comments_count`);
  }
}
