import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assemblée sittings (séances).
 *
 * - `meetings.is_sitting`: the meeting is a sitting of its Assemblée (only in an ASSEMBLY space,
 *   checked by the meeting service, which owns the table).
 * - `motions.sitting_id`: the meeting in which the chair opened the motion (a plain id, no foreign
 *   key into the meeting module's tables); `motions.quorum_basis`: VOTING (the quorum counts the
 *   members who voted, as before) or PRESENT (members marked present at the sitting or voting).
 * - `motion_results` keeps the basis and the present figures the quorum used.
 */
export class AssemblySittings1766600000000 implements MigrationInterface {
  name = 'AssemblySittings1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meetings ADD COLUMN is_sitting boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE motions ADD COLUMN sitting_id uuid,
      ADD COLUMN quorum_basis text NOT NULL DEFAULT 'VOTING' CHECK (quorum_basis IN ('VOTING', 'PRESENT'))`);
    await q.query(`ALTER TABLE motion_results
      ADD COLUMN quorum_basis text NOT NULL DEFAULT 'VOTING' CHECK (quorum_basis IN ('VOTING', 'PRESENT')),
      ADD COLUMN present_count integer, ADD COLUMN present_weight numeric(12,3)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE motion_results DROP COLUMN quorum_basis, DROP COLUMN present_count, DROP COLUMN present_weight`,
    );
    await q.query(`ALTER TABLE motions DROP COLUMN sitting_id, DROP COLUMN quorum_basis`);
    await q.query(`ALTER TABLE meetings DROP COLUMN is_sitting`);
  }
}
