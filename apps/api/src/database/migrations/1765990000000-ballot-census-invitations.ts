import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail census invitations: when a ballot with an EMAIL_LIST census opens, each listed address
 * that has no account gets one e-mail inviting it to sign up (then it is in the census: the
 * census matches accounts by e-mail). The primary key (ballot, address) holds "once per address
 * and ballot": the scheduler inserts the row and mails only when its insert returned it, so two
 * schedulers ticking at once, or a restart, never send an invitation twice.
 */
export class BallotCensusInvitations1765990000000 implements MigrationInterface {
  name = 'BallotCensusInvitations1765990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ballot_census_invitations (
        ballot_id uuid NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
        email text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ballot_id, email)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ballot_census_invitations`);
  }
}
