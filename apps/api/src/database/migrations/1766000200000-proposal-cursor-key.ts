import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The key that signs proposal paging cursors (HMAC-SHA-256), one per deployment, made by
 * PostgreSQL's strong random generator (`gen_random_uuid`, 244 random bits per call, hashed) and
 * shared by every API process — a cursor made by one process is accepted by the others, a cursor
 * made by hand is refused. One row, held by the CHECK on its id.
 */
export class ProposalCursorKey1766000200000 implements MigrationInterface {
  name = 'ProposalCursorKey1766000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE proposal_cursor_keys (id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1), key bytea NOT NULL CHECK (length(key) = 32))`,
    );
    await q.query(
      `INSERT INTO proposal_cursor_keys (key) VALUES (sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE proposal_cursor_keys`);
  }
}
