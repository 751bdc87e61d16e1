import { MigrationInterface, QueryRunner } from 'typeorm';

// the lists as the petitions migration (1765700000000) left them
const COMPONENT_TYPES = `'PROPOSALS', 'PARTICIPATORY_TEXT', 'SURVEY', 'MOTIONS', 'VOTES', 'PETITIONS'`;
const COMMENTABLE_TYPES = `'PROPOSAL', 'ARTICLE', 'MOTION', 'AMENDMENT', 'PETITION'`;
const FOLLOWABLE_TYPES = `'PROPOSAL', 'SPACE', 'ARTICLE', 'MOTION', 'AMENDMENT', 'COMMENT', 'SURVEY', 'PETITION'`;
const REPORTABLE_TYPES = `'PROPOSAL', 'COMMENT', 'PETITION'`;

/**
 * Rencontres (MEETINGS component): meetings, their agenda, registrations and reminders.
 *
 * - The capacity is held by PostgreSQL: a registration is decided under a row lock on its
 *   meeting (`SELECT … FOR UPDATE`), one registration per (meeting, user) and one attendance
 *   code per meeting are unique constraints; the waiting list is ordered by `arrival`, an
 *   identity assigned under that lock.
 * - A reminder is sent once per (meeting, user, kind): the primary key of `meeting_reminders`.
 * - The CHECK lists of `components.type`, `comments.commentable_type`, `follows.followable_type`
 *   and `moderations.reportable_type` gain MEETINGS / MEETING (dropped if present, then re-added
 *   with the full list, so another branch widening them stays compatible).
 */
export class Meetings1765800000000 implements MigrationInterface {
  name = 'Meetings1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await this.checks(q, `, 'MEETINGS'`, `, 'MEETING'`);
    await q.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
        space_id uuid NOT NULL REFERENCES participatory_spaces(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 150),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 20000),
        type text NOT NULL CHECK (type IN ('IN_PERSON', 'ONLINE', 'HYBRID')),
        address text NOT NULL DEFAULT '' CHECK (char_length(address) <= 300),
        location text NOT NULL DEFAULT '' CHECK (char_length(location) <= 200),
        location_hints text NOT NULL DEFAULT '' CHECK (char_length(location_hints) <= 500),
        online_url text CHECK (online_url ~ '^https?://[^\\s]+$' AND char_length(online_url) <= 500),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        registrations_enabled boolean NOT NULL DEFAULT false,
        capacity integer NOT NULL DEFAULT 0 CHECK (capacity BETWEEN 0 AND 100000),
        registrations_open_at timestamptz,
        registrations_close_at timestamptz,
        waitlist_enabled boolean NOT NULL DEFAULT true,
        published_at timestamptz,
        withdrawn_at timestamptz,
        cancelled_at timestamptz,
        cancellation_reason text NOT NULL DEFAULT '' CHECK (char_length(cancellation_reason) <= 1000),
        ical_sequence integer NOT NULL DEFAULT 0 CHECK (ical_sequence >= 0),
        comments_count integer NOT NULL DEFAULT 0 CHECK (comments_count >= 0),
        follows_count integer NOT NULL DEFAULT 0 CHECK (follows_count >= 0),
        hidden_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meetings_period_check CHECK (ends_at > starts_at),
        CONSTRAINT meetings_online_url_required CHECK (type = 'IN_PERSON' OR online_url IS NOT NULL),
        CONSTRAINT meetings_registration_window_check CHECK (registrations_open_at IS NULL OR registrations_close_at IS NULL OR registrations_close_at > registrations_open_at)
      )`);
    await q.query(`CREATE INDEX meetings_component_idx ON meetings (component_id, starts_at, id)`);
    await q.query(`CREATE INDEX meetings_space_idx ON meetings (space_id, starts_at, id)`);
    await q.query(`
      CREATE TABLE meeting_agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        duration_minutes integer NOT NULL DEFAULT 0 CHECK (duration_minutes BETWEEN 0 AND 1440),
        CONSTRAINT meeting_agenda_items_position_key UNIQUE (meeting_id, position)
      )`);
    await q.query(`
      CREATE TABLE meeting_registrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('REGISTERED', 'WAITLISTED')),
        code text NOT NULL CHECK (code ~ '^[A-HJKMNP-Z2-9]{8}$'),
        arrival bigint GENERATED ALWAYS AS IDENTITY,
        created_at timestamptz NOT NULL DEFAULT now(),
        attended_at timestamptz,
        CONSTRAINT meeting_registrations_once UNIQUE (meeting_id, user_id),
        CONSTRAINT meeting_registrations_code_key UNIQUE (meeting_id, code),
        CONSTRAINT meeting_registrations_attended_check CHECK (attended_at IS NULL OR status = 'REGISTERED')
      )`);
    await q.query(
      `CREATE INDEX meeting_registrations_queue_idx ON meeting_registrations (meeting_id, status, arrival)`,
    );
    await q.query(`CREATE INDEX meeting_registrations_user_idx ON meeting_registrations (user_id)`);
    await q.query(`
      CREATE TABLE meeting_reminders (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('DAY_BEFORE')),
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, user_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS meeting_reminders`);
    await q.query(`DROP TABLE IF EXISTS meeting_registrations`);
    await q.query(`DROP TABLE IF EXISTS meeting_agenda_items`);
    await q.query(`DROP TABLE IF EXISTS meetings`);
    await q.query(`DELETE FROM comments WHERE commentable_type = 'MEETING'`);
    await q.query(`DELETE FROM follows WHERE followable_type = 'MEETING'`);
    await q.query(`DELETE FROM moderations WHERE reportable_type = 'MEETING'`);
    await q.query(`DELETE FROM components WHERE type = 'MEETINGS'`);
    await this.checks(q, '', '');
  }

  private async checks(q: QueryRunner, component: string, resource: string): Promise<void> {
    await q.query(`ALTER TABLE components DROP CONSTRAINT IF EXISTS components_type_check`);
    await q.query(
      `ALTER TABLE components ADD CONSTRAINT components_type_check CHECK (type IN (${COMPONENT_TYPES}${component}))`,
    );
    await q.query(`ALTER TABLE comments DROP CONSTRAINT IF EXISTS comments_commentable_type_check`);
    await q.query(
      `ALTER TABLE comments ADD CONSTRAINT comments_commentable_type_check CHECK (commentable_type IN (${COMMENTABLE_TYPES}${resource}))`,
    );
    await q.query(`ALTER TABLE follows DROP CONSTRAINT IF EXISTS follows_followable_type_check`);
    await q.query(
      `ALTER TABLE follows ADD CONSTRAINT follows_followable_type_check CHECK (followable_type IN (${FOLLOWABLE_TYPES}${resource}))`,
    );
    await q.query(
      `ALTER TABLE moderations DROP CONSTRAINT IF EXISTS moderations_reportable_type_check`,
    );
    await q.query(
      `ALTER TABLE moderations ADD CONSTRAINT moderations_reportable_type_check CHECK (reportable_type IN (${REPORTABLE_TYPES}${resource}))`,
    );
  }
}
