import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rencontres: a private iCalendar feed per user (their registrations). Only the SHA-256 of the
 * feed's random token is stored, one per user (the primary key): rotating replaces it, revoking
 * deletes it, and a deleted account takes its feed with it.
 */
export class MeetingCalendarFeeds1766200200000 implements MigrationInterface {
  name = 'MeetingCalendarFeeds1766200200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting_calendar_feeds (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meeting_calendar_feeds_token_key UNIQUE (token_hash)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS meeting_calendar_feeds`);
  }
}
