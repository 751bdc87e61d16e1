import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enquêtes as a full feature: who may answer, terms, published results and a version number
 * on surveys; soft removal of questions and options once answered (so stored answers keep
 * their meaning); matrix rows as options of kind ROW; submissions (one per survey and user,
 * or per survey and anonymous browser token — held by unique constraints) and their answers.
 */
export class Surveys1764450000000 implements MigrationInterface {
  name = 'Surveys1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE surveys
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        ADD COLUMN allow_anonymous boolean NOT NULL DEFAULT false,
        ADD COLUMN terms text NOT NULL DEFAULT '' CHECK (char_length(terms) <= 20000),
        ADD COLUMN results_published_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);

    // removed questions/options keep their row (answers point at them) but leave the position space
    await q.query(`ALTER TABLE survey_questions DROP CONSTRAINT survey_questions_position_key`);
    await q.query(`
      ALTER TABLE survey_questions
        ADD COLUMN removed_at timestamptz,
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT survey_questions_body_check CHECK (char_length(body) <= 2000)`);
    await q.query(`
      ALTER TABLE survey_questions ADD CONSTRAINT survey_questions_position_key
        EXCLUDE USING btree (survey_id WITH =, position WITH =) WHERE (removed_at IS NULL) DEFERRABLE INITIALLY DEFERRED`);

    await q.query(
      `ALTER TABLE survey_question_options DROP CONSTRAINT survey_question_options_position_key`,
    );
    await q.query(`
      ALTER TABLE survey_question_options
        ADD COLUMN kind text NOT NULL DEFAULT 'OPTION' CHECK (kind IN ('OPTION', 'ROW')),
        ADD COLUMN removed_at timestamptz,
        ADD CONSTRAINT survey_question_options_body_check CHECK (char_length(body) BETWEEN 1 AND 500)`);
    await q.query(`
      ALTER TABLE survey_question_options ADD CONSTRAINT survey_question_options_position_key
        EXCLUDE USING btree (question_id WITH =, kind WITH =, position WITH =) WHERE (removed_at IS NULL) DEFERRABLE INITIALLY DEFERRED`);

    await q.query(`
      CREATE TABLE survey_submissions (
        id bigserial PRIMARY KEY,
        survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        anonymous_token_hash text,
        survey_version integer NOT NULL,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT survey_submissions_once_per_user UNIQUE (survey_id, user_id),
        CONSTRAINT survey_submissions_once_per_token UNIQUE (survey_id, anonymous_token_hash)
      )`);
    // keyset exports walk (survey_id, id)
    await q.query(
      `CREATE INDEX survey_submissions_survey_idx ON survey_submissions (survey_id, id)`,
    );

    await q.query(`
      CREATE TABLE survey_answers (
        submission_id bigint NOT NULL REFERENCES survey_submissions(id) ON DELETE CASCADE,
        question_id uuid NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
        body text CHECK (body IS NULL OR char_length(body) <= 20000),
        PRIMARY KEY (submission_id, question_id)
      )`);
    await q.query(`CREATE INDEX survey_answers_question_idx ON survey_answers (question_id)`);

    // one row per chosen option (choice, matrix cell, ranked option) or per scale point
    await q.query(`
      CREATE TABLE survey_answer_choices (
        id bigserial PRIMARY KEY,
        submission_id bigint NOT NULL,
        question_id uuid NOT NULL,
        option_id uuid REFERENCES survey_question_options(id) ON DELETE CASCADE,
        row_id uuid REFERENCES survey_question_options(id) ON DELETE CASCADE,
        value integer,
        free_text text CHECK (free_text IS NULL OR char_length(free_text) <= 2000),
        FOREIGN KEY (submission_id, question_id) REFERENCES survey_answers(submission_id, question_id) ON DELETE CASCADE,
        CHECK (option_id IS NOT NULL OR value IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX survey_answer_choices_question_idx ON survey_answer_choices (question_id, option_id)`,
    );
    await q.query(
      `CREATE INDEX survey_answer_choices_submission_idx ON survey_answer_choices (submission_id, question_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE survey_answer_choices`);
    await q.query(`DROP TABLE survey_answers`);
    await q.query(`DROP TABLE survey_submissions`);
    await q.query(
      `DELETE FROM survey_question_options WHERE removed_at IS NOT NULL OR kind <> 'OPTION'`,
    );
    await q.query(`DELETE FROM survey_questions WHERE removed_at IS NOT NULL`);
    await q.query(
      `ALTER TABLE survey_question_options DROP CONSTRAINT survey_question_options_position_key`,
    );
    await q.query(
      `ALTER TABLE survey_question_options DROP COLUMN kind, DROP COLUMN removed_at, DROP CONSTRAINT survey_question_options_body_check`,
    );
    await q.query(
      `ALTER TABLE survey_question_options ADD CONSTRAINT survey_question_options_position_key UNIQUE (question_id, position) DEFERRABLE INITIALLY DEFERRED`,
    );
    await q.query(`ALTER TABLE survey_questions DROP CONSTRAINT survey_questions_position_key`);
    await q.query(
      `ALTER TABLE survey_questions DROP COLUMN removed_at, DROP COLUMN created_at, DROP CONSTRAINT survey_questions_body_check`,
    );
    await q.query(
      `ALTER TABLE survey_questions ADD CONSTRAINT survey_questions_position_key UNIQUE (survey_id, position) DEFERRABLE INITIALLY DEFERRED`,
    );
    await q.query(
      `ALTER TABLE surveys DROP COLUMN version, DROP COLUMN allow_anonymous, DROP COLUMN terms, DROP COLUMN results_published_at, DROP COLUMN updated_at`,
    );
  }
}
