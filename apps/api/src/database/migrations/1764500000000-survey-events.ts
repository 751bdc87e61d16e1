import { MigrationInterface, QueryRunner } from 'typeorm';

/** "Opened" and "closing within a day" moments of each survey, recorded once (primary key) for the notifications. */
export class SurveyEvents1764500000000 implements MigrationInterface {
  name = 'SurveyEvents1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE survey_events (
        survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('OPENED', 'CLOSING')),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (survey_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE survey_events`);
  }
}
