import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Votations (VOTES components): ballots, their questions and options, census, casting and
 * frozen results.
 *
 * Invariants held here:
 * - one participation per (ballot, user): `ballot_participations_once` — a voter's ballot is counted once;
 * - a secret ballot's envelope (what was chosen) has no user, no timestamp and nothing that
 *   points to its participation; a public one is pointed to by its participation
 *   (`ballot_participations_envelope_key`), so it can be changed until the close;
 * - a receipt code is unique within its ballot;
 * - one census snapshot (size frozen at opening) and one frozen result per ballot (primary keys);
 * - one lifecycle event per (ballot, kind) (`ballot_events` primary key): notifications exactly once.
 */
export class Ballots1765600000000 implements MigrationInterface {
  name = 'Ballots1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE components DROP CONSTRAINT IF EXISTS components_type_check`);
    await q.query(
      `ALTER TABLE components ADD CONSTRAINT components_type_check CHECK (type IN ('PROPOSALS', 'PARTICIPATORY_TEXT', 'SURVEY', 'MOTIONS', 'VOTES'))`,
    );

    await q.query(`
      CREATE TABLE ballots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 150),
        explanation text NOT NULL DEFAULT '',
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        secret boolean NOT NULL DEFAULT true,
        receipts_enabled boolean NOT NULL DEFAULT false,
        census_kind text NOT NULL CHECK (census_kind IN ('ALL_MEMBERS', 'ASSEMBLY_MEMBERS', 'EMAIL_LIST', 'TYPOLOGY')),
        census_space_id uuid REFERENCES participatory_spaces(id) ON DELETE RESTRICT,
        census_weighted boolean NOT NULL DEFAULT false,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ballots_period_check CHECK (closes_at > opens_at),
        CONSTRAINT ballots_receipts_secret_check CHECK (NOT receipts_enabled OR secret),
        CONSTRAINT ballots_census_space_check CHECK ((census_kind = 'ASSEMBLY_MEMBERS') = (census_space_id IS NOT NULL)),
        CONSTRAINT ballots_weighted_check CHECK (NOT census_weighted OR census_kind = 'ASSEMBLY_MEMBERS')
      )`);
    await q.query(`CREATE INDEX ballots_component_idx ON ballots (component_id, opens_at)`);
    await q.query(`CREATE INDEX ballots_closes_idx ON ballots (closes_at)`);

    await q.query(`
      CREATE TABLE ballot_questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ballot_id uuid NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
        method text NOT NULL CHECK (method IN ('SINGLE', 'MULTIPLE', 'RANKED', 'MAJORITY_JUDGMENT')),
        min_choices integer NOT NULL DEFAULT 1 CHECK (min_choices >= 1),
        max_choices integer NOT NULL DEFAULT 1 CHECK (max_choices >= min_choices),
        CONSTRAINT ballot_questions_position_key UNIQUE (ballot_id, position)
      )`);
    await q.query(`
      CREATE TABLE ballot_options (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_id uuid NOT NULL REFERENCES ballot_questions(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
        image_alt text CHECK (char_length(image_alt) <= 300),
        CONSTRAINT ballot_options_position_key UNIQUE (question_id, position)
      )`);

    await q.query(`
      CREATE TABLE ballot_census_emails (
        ballot_id uuid NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
        email text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254 AND email = lower(email)),
        PRIMARY KEY (ballot_id, email)
      )`);
    await q.query(`
      CREATE TABLE ballot_census_snapshots (
        ballot_id uuid PRIMARY KEY REFERENCES ballots(id) ON DELETE CASCADE,
        voters integer NOT NULL CHECK (voters >= 0),
        weight_milli bigint NOT NULL CHECK (weight_milli >= 0),
        frozen_at timestamptz NOT NULL DEFAULT now()
      )`);

    // who voted: no choice here
    await q.query(`
      CREATE TABLE ballot_participations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ballot_id uuid NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        weight_milli integer NOT NULL CHECK (weight_milli > 0),
        envelope_id uuid,
        voted_at timestamptz NOT NULL DEFAULT now(),
        changed_at timestamptz,
        CONSTRAINT ballot_participations_once UNIQUE (ballot_id, user_id),
        CONSTRAINT ballot_participations_envelope_key UNIQUE (envelope_id)
      )`);
    // what was chosen: no user, no timestamp
    await q.query(`
      CREATE TABLE ballot_envelopes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ballot_id uuid NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
        choices jsonb NOT NULL,
        weight_milli integer NOT NULL CHECK (weight_milli > 0),
        receipt_code text,
        CONSTRAINT ballot_envelopes_receipt_key UNIQUE (ballot_id, receipt_code)
      )`);
    await q.query(`CREATE INDEX ballot_envelopes_ballot_idx ON ballot_envelopes (ballot_id, id)`);
    await q.query(
      `ALTER TABLE ballot_participations ADD CONSTRAINT ballot_participations_envelope_fkey FOREIGN KEY (envelope_id) REFERENCES ballot_envelopes(id) ON DELETE CASCADE`,
    );

    await q.query(`
      CREATE TABLE ballot_results (
        ballot_id uuid PRIMARY KEY REFERENCES ballots(id) ON DELETE CASCADE,
        voters integer NOT NULL,
        voters_weight_milli bigint NOT NULL,
        census_voters integer,
        census_weight_milli bigint,
        questions json NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE ballot_events (
        ballot_id uuid NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('OPENED', 'CLOSING_SOON', 'CLOSED')),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ballot_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'ballot_events',
      'ballot_results',
      'ballot_participations',
      'ballot_envelopes',
      'ballot_census_snapshots',
      'ballot_census_emails',
      'ballot_options',
      'ballot_questions',
      'ballots',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await q.query(`DELETE FROM components WHERE type = 'VOTES'`);
    await q.query(`ALTER TABLE components DROP CONSTRAINT IF EXISTS components_type_check`);
    await q.query(
      `ALTER TABLE components ADD CONSTRAINT components_type_check CHECK (type IN ('PROPOSALS', 'PARTICIPATORY_TEXT', 'SURVEY', 'MOTIONS'))`,
    );
  }
}
