import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A secret ballot's tally stays hidden until the motion closes. A live tally moves by one
 * vote at a time; anyone who also knows when each member voted (a space admin reading the
 * journal, a watcher of the participation list) could pair each move with a voter and learn
 * their choice. The check constraint holds it for every writer; existing secret motions are
 * switched to a hidden tally first.
 */
export class SecretBallotTallyHidden1764540000000 implements MigrationInterface {
  name = 'SecretBallotTallyHidden1764540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE motions SET hide_tally_until_closed = true WHERE secret_ballot AND NOT hide_tally_until_closed`,
    );
    await q.query(
      `ALTER TABLE motions ADD CONSTRAINT motions_secret_ballot_tally_hidden CHECK (NOT secret_ballot OR hide_tally_until_closed)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE motions DROP CONSTRAINT motions_secret_ballot_tally_hidden`);
  }
}
