import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Petition types gain their optional second-stage link (issue 17: « an accepted petition can
 * become a proposal in a Concertation or a motion in the Assemblée »): a https:// address or a
 * path of this site, shown with the petitions of the type. `updated_at` dates an admin's last edit.
 */
export class PetitionTypeSecondStage1765750000000 implements MigrationInterface {
  name = 'PetitionTypeSecondStage1765750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE petition_types ADD COLUMN second_stage_url text CHECK (second_stage_url IS NULL OR char_length(second_stage_url) <= 500)`,
    );
    await q.query(
      `ALTER TABLE petition_types ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE petition_types DROP COLUMN updated_at`);
    await q.query(`ALTER TABLE petition_types DROP COLUMN second_stage_url`);
  }
}
