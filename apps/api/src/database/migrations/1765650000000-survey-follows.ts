import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Surveys take the follows capability (their host adapter registers it): the follows table's
 * list of followable types gains SURVEY, so following a survey is stored instead of being
 * refused by the CHECK constraint (the capability contract suite caught it).
 */
export class SurveyFollows1765650000000 implements MigrationInterface {
  name = 'SurveyFollows1765650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE follows DROP CONSTRAINT IF EXISTS follows_followable_type_check`);
    await q.query(
      `ALTER TABLE follows ADD CONSTRAINT follows_followable_type_check CHECK (followable_type IN ('PROPOSAL', 'SPACE', 'ARTICLE', 'MOTION', 'AMENDMENT', 'COMMENT', 'SURVEY'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM follows WHERE followable_type = 'SURVEY'`);
    await q.query(`ALTER TABLE follows DROP CONSTRAINT follows_followable_type_check`);
    await q.query(
      `ALTER TABLE follows ADD CONSTRAINT follows_followable_type_check CHECK (followable_type IN ('PROPOSAL', 'SPACE', 'ARTICLE', 'MOTION', 'AMENDMENT', 'COMMENT'))`,
    );
  }
}
