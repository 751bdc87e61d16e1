import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation as a capability of its own: a moderation row keeps the component its resource
 * lives in (given by the resource's host when reported or hidden), so the queue of a
 * component reads the moderation tables only. Existing rows are filled from proposals and
 * comments (the only reportables so far).
 */
export class ModerationComponent1765000000000 implements MigrationInterface {
  name = 'ModerationComponent1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE moderations ADD COLUMN component_id uuid REFERENCES components(id) ON DELETE CASCADE`,
    );
    await q.query(
      `UPDATE moderations m SET component_id = p.component_id FROM proposals p WHERE m.reportable_type = 'PROPOSAL' AND p.id = m.reportable_id`,
    );
    await q.query(
      `UPDATE moderations m SET component_id = p.component_id FROM comments c JOIN proposals p ON c.commentable_type = 'PROPOSAL' AND p.id = c.commentable_id
        WHERE m.reportable_type = 'COMMENT' AND c.id = m.reportable_id`,
    );
    await q.query(
      `UPDATE moderations m SET component_id = a.component_id FROM comments c JOIN text_articles a ON c.commentable_type = 'ARTICLE' AND a.id = c.commentable_id
        WHERE m.reportable_type = 'COMMENT' AND c.id = m.reportable_id`,
    );
    await q.query(
      `UPDATE moderations m SET component_id = a.component_id FROM comments c JOIN amendments a ON c.commentable_type = 'AMENDMENT' AND a.id = c.commentable_id
        WHERE m.reportable_type = 'COMMENT' AND c.id = m.reportable_id`,
    );
    await q.query(
      `CREATE INDEX moderations_component ON moderations (component_id, report_count DESC, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE moderations DROP COLUMN component_id`);
  }
}
