import { MigrationInterface, QueryRunner } from 'typeorm';
import { narrow, widen } from './1766200000000-news';

/**
 * Amendments are reportable like the proposals they emend (Decidim's emendations are proposals,
 * so they are reported and hidden the same way): `hidden_at` is set by the moderation
 * transaction (reports over the threshold, a moderator, or a block of the author's account).
 * Hidden amendments leave the lists of everyone but the space's moderators, and
 * `moderations.reportable_type` gains AMENDMENT.
 */
export class AmendmentModeration1766900200000 implements MigrationInterface {
  name = 'AmendmentModeration1766900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE amendments ADD COLUMN hidden_at timestamptz`);
    await widen(q, 'moderations', 'moderations_reportable_type_check', 'reportable_type', [
      'AMENDMENT',
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM moderations WHERE reportable_type = 'AMENDMENT'`);
    await narrow(q, 'moderations', 'moderations_reportable_type_check', 'reportable_type', [
      'AMENDMENT',
    ]);
    await q.query(`ALTER TABLE amendments DROP COLUMN hidden_at`);
  }
}
