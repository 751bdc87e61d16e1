import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each notified event is about (`notification_subjects`: the resources whose title or
 * existence its notifications show), so that content hidden by moderation — reports, a
 * moderator, the block of its author's account — also leaves the inboxes and the digests that
 * announced it, and comes back when it is shown again (Decidim hides the notifications of
 * hidden resources the same way). Owned by the notification module; the moderation module marks
 * a subject withdrawn through `NotificationService.withdraw` in its own transaction.
 */
export class NotificationSubjects1766900300000 implements MigrationInterface {
  name = 'NotificationSubjects1766900300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_subjects (
        event_id uuid NOT NULL REFERENCES domain_events(id) ON DELETE CASCADE,
        resource_type text NOT NULL,
        resource_id uuid NOT NULL,
        withdrawn_at timestamptz,
        PRIMARY KEY (event_id, resource_type, resource_id)
      )`);
    await q.query(
      `CREATE INDEX notification_subjects_resource_idx ON notification_subjects (resource_type, resource_id)`,
    );
    await q.query(
      `CREATE INDEX notification_subjects_withdrawn_idx ON notification_subjects (event_id) WHERE withdrawn_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_subjects`);
  }
}
