import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dismissed reports (issue #14 item 7: « a report cannot be dismissed while keeping the
 * content »), owned by the moderation module. A moderator who keeps a reported resource closes
 * its open reports: `dismissed_at` and `dismissed_by_id` record who and when, the report stays
 * for the record, and `moderations.report_count` (the open reports, which the hiding threshold
 * counts) goes back to zero. One *open* report per user and resource: someone whose report was
 * dismissed may report the resource again if it changes.
 */
export class ReportDismissals1766800000000 implements MigrationInterface {
  name = 'ReportDismissals1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE reports
        ADD COLUMN dismissed_at timestamptz,
        ADD COLUMN dismissed_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD CONSTRAINT reports_dismissal_complete CHECK (dismissed_at IS NOT NULL OR dismissed_by_id IS NULL)`);
    await q.query(`ALTER TABLE reports DROP CONSTRAINT reports_once`);
    await q.query(
      `CREATE UNIQUE INDEX reports_once ON reports (moderation_id, user_id) WHERE dismissed_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM reports WHERE dismissed_at IS NOT NULL`);
    await q.query(`DROP INDEX reports_once`);
    await q.query(
      `ALTER TABLE reports ADD CONSTRAINT reports_once UNIQUE (moderation_id, user_id)`,
    );
    await q.query(`
      ALTER TABLE reports
        DROP CONSTRAINT reports_dismissal_complete,
        DROP COLUMN dismissed_by_id,
        DROP COLUMN dismissed_at`);
  }
}
