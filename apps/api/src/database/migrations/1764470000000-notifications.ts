import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live notifications: a transactional outbox of domain events (written with the change they
 * describe, processed after commit, at least once), notifications stored once per recipient
 * and event (unique key: a re-run is harmless), and per-user notification settings.
 */
export class Notifications1764470000000 implements MigrationInterface {
  name = 'Notifications1764470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE domain_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sequence bigserial NOT NULL UNIQUE,
        type text NOT NULL,
        payload jsonb NOT NULL,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX domain_events_pending_idx ON domain_events (sequence) WHERE processed_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sequence bigserial NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES domain_events(id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        link text NOT NULL DEFAULT '/',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        emailed_at timestamptz,
        CONSTRAINT notifications_once UNIQUE (user_id, event_id)
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, sequence DESC)`);
    await q.query(
      `CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE notification_settings (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        disabled_kinds text[] NOT NULL DEFAULT '{}',
        email_delivery text NOT NULL DEFAULT 'NONE' CHECK (email_delivery IN ('NONE', 'IMMEDIATE', 'DIGEST')),
        last_digest_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notification_settings`);
    await q.query(`DROP TABLE IF EXISTS notifications`);
    await q.query(`DROP TABLE IF EXISTS domain_events`);
  }
}
