import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail census invitations are retried when the mail server fails: each row records its
 * attempts, when it may be tried next and when it was delivered. The scheduler claims due rows
 * by pushing `next_attempt_at` forward in the same statement (FOR UPDATE SKIP LOCKED), so two
 * schedulers never try one address at once; a delivered row is never tried again. Rows already
 * there were handled by the previous at-most-once rule: they count as delivered.
 */
export class BallotInvitationRetries1766000100000 implements MigrationInterface {
  name = 'BallotInvitationRetries1766000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ballot_census_invitations
        ADD COLUMN attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN sent_at timestamptz,
        ADD COLUMN last_error text`);
    await q.query(`UPDATE ballot_census_invitations SET sent_at = created_at, attempts = 1`);
    await q.query(
      `CREATE INDEX ballot_census_invitations_due ON ballot_census_invitations (next_attempt_at) WHERE sent_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ballot_census_invitations_due`);
    await q.query(
      `ALTER TABLE ballot_census_invitations DROP COLUMN attempts, DROP COLUMN next_attempt_at, DROP COLUMN sent_at, DROP COLUMN last_error`,
    );
  }
}
