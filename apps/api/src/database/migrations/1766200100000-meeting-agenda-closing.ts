import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rencontres: a structured agenda and the closing report.
 *
 * - Agenda items gain one level of sub-items (`parent_id`; a sub-item's parent has no parent,
 *   checked by the service under the meeting's row lock, the only writer of a whole agenda) and
 *   links to proposals and motions (`meeting_agenda_links`: ids only, no foreign key into another
 *   module's tables; validated through those modules' services when written).
 * - The closing report lives on the meeting row (`closed_at`, minutes, counts, video URL) and its
 *   linked proposals in `meeting_closing_proposals`. `closed_at` is set once (the first closing
 *   notifies; later edits of the report do not).
 */
export class MeetingAgendaClosing1766200100000 implements MigrationInterface {
  name = 'MeetingAgendaClosing1766200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE meeting_agenda_items ADD COLUMN parent_id uuid REFERENCES meeting_agenda_items(id) ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE meeting_agenda_items DROP CONSTRAINT meeting_agenda_items_position_key`,
    );
    await q.query(
      `ALTER TABLE meeting_agenda_items ADD CONSTRAINT meeting_agenda_items_position_key UNIQUE NULLS NOT DISTINCT (meeting_id, parent_id, position)`,
    );
    await q.query(
      `ALTER TABLE meeting_agenda_items ADD CONSTRAINT meeting_agenda_items_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)`,
    );
    await q.query(`
      CREATE TABLE meeting_agenda_links (
        item_id uuid NOT NULL REFERENCES meeting_agenda_items(id) ON DELETE CASCADE,
        resource_type text NOT NULL CHECK (resource_type IN ('PROPOSAL', 'MOTION')),
        resource_id uuid NOT NULL,
        position integer NOT NULL CHECK (position >= 0),
        PRIMARY KEY (item_id, resource_type, resource_id)
      )`);
    await q.query(`
      ALTER TABLE meetings
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN closed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN closing_minutes text NOT NULL DEFAULT '' CHECK (char_length(closing_minutes) <= 40000),
        ADD COLUMN closing_attendees_count integer NOT NULL DEFAULT 0 CHECK (closing_attendees_count BETWEEN 0 AND 1000000),
        ADD COLUMN closing_contributions_count integer NOT NULL DEFAULT 0 CHECK (closing_contributions_count BETWEEN 0 AND 1000000),
        ADD COLUMN closing_video_url text CHECK (closing_video_url ~ '^https://[^\\s]+$' AND char_length(closing_video_url) <= 500),
        ADD CONSTRAINT meetings_closed_after_end CHECK (closed_at IS NULL OR closed_at >= ends_at)`);
    await q.query(`
      CREATE TABLE meeting_closing_proposals (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        proposal_id uuid NOT NULL,
        position integer NOT NULL CHECK (position >= 0),
        PRIMARY KEY (meeting_id, proposal_id)
      )`);
    await q.query(
      `CREATE INDEX meetings_agenda_page_idx ON meetings (starts_at, id) WHERE published_at IS NOT NULL AND hidden_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS meetings_agenda_page_idx`);
    await q.query(`DROP TABLE IF EXISTS meeting_closing_proposals`);
    await q.query(`ALTER TABLE meetings DROP CONSTRAINT IF EXISTS meetings_closed_after_end`);
    await q.query(`ALTER TABLE meetings DROP COLUMN closing_video_url, DROP COLUMN closing_contributions_count, DROP COLUMN closing_attendees_count,
                   DROP COLUMN closing_minutes, DROP COLUMN closed_by, DROP COLUMN closed_at`);
    await q.query(`DROP TABLE IF EXISTS meeting_agenda_links`);
    await q.query(`DELETE FROM meeting_agenda_items WHERE parent_id IS NOT NULL`);
    await q.query(
      `ALTER TABLE meeting_agenda_items DROP CONSTRAINT meeting_agenda_items_not_own_parent`,
    );
    await q.query(
      `ALTER TABLE meeting_agenda_items DROP CONSTRAINT meeting_agenda_items_position_key`,
    );
    await q.query(
      `ALTER TABLE meeting_agenda_items ADD CONSTRAINT meeting_agenda_items_position_key UNIQUE (meeting_id, position)`,
    );
    await q.query(`ALTER TABLE meeting_agenda_items DROP COLUMN parent_id`);
  }
}
