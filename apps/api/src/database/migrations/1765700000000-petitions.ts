import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Petitions (PETITIONS components): types, petitions, promoter committees, signatures,
 * milestones and frozen results.
 *
 * Invariants held here:
 * - one signature per (petition, member): `petition_signatures_once`; a signature keeps counting
 *   after its signer's account is deleted (`user_id` set to NULL);
 * - `petitions.signatures_count` equals the rows: moved only in the transaction that inserts or
 *   deletes a signature, under the petition's row lock (`FOR UPDATE`), never below 0;
 * - one frozen result per petition (primary key), written under the same lock once the period
 *   has ended: no signature is counted after it;
 * - one row per (petition, milestone): each milestone is notified exactly once;
 * - a threshold of at least 1, a period of 1 to 366 days, a published petition has its period.
 */
export class Petitions1765700000000 implements MigrationInterface {
  name = 'Petitions1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE components DROP CONSTRAINT IF EXISTS components_type_check`);
    await q.query(
      `ALTER TABLE components ADD CONSTRAINT components_type_check CHECK (type IN ('PROPOSALS', 'PARTICIPATORY_TEXT', 'SURVEY', 'MOTIONS', 'VOTES', 'PETITIONS'))`,
    );
    // petitions take comments, follows and reports: the capability tables accept the new host type
    await q.query(`ALTER TABLE comments DROP CONSTRAINT IF EXISTS comments_commentable_type_check`);
    await q.query(
      `ALTER TABLE comments ADD CONSTRAINT comments_commentable_type_check CHECK (commentable_type IN ('PROPOSAL', 'ARTICLE', 'MOTION', 'AMENDMENT', 'PETITION'))`,
    );
    await q.query(`ALTER TABLE follows DROP CONSTRAINT IF EXISTS follows_followable_type_check`);
    await q.query(
      `ALTER TABLE follows ADD CONSTRAINT follows_followable_type_check CHECK (followable_type IN ('PROPOSAL', 'SPACE', 'ARTICLE', 'MOTION', 'AMENDMENT', 'COMMENT', 'SURVEY', 'PETITION'))`,
    );
    await q.query(
      `ALTER TABLE moderations DROP CONSTRAINT IF EXISTS moderations_reportable_type_check`,
    );
    await q.query(
      `ALTER TABLE moderations ADD CONSTRAINT moderations_reportable_type_check CHECK (reportable_type IN ('PROPOSAL', 'COMMENT', 'PETITION'))`,
    );
    await q.query(`
      CREATE TABLE petition_types (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 150),
        description text NOT NULL DEFAULT '',
        threshold integer NOT NULL CHECK (threshold BETWEEN 1 AND 10000000),
        period_days integer NOT NULL CHECK (period_days BETWEEN 1 AND 366),
        min_committee integer NOT NULL DEFAULT 0 CHECK (min_committee BETWEEN 0 AND 50),
        signers text NOT NULL DEFAULT 'EVERYONE' CHECK (signers IN ('EVERYONE', 'TYPOLOGIES')),
        typologies text[] NOT NULL DEFAULT '{}',
        public_signatures boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT petition_types_typologies_check CHECK ((signers = 'TYPOLOGIES') = (cardinality(typologies) > 0))
      )`);
    await q.query(`CREATE INDEX petition_types_component_idx ON petition_types (component_id)`);
    await q.query(`
      CREATE TABLE petitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
        type_id uuid NOT NULL REFERENCES petition_types(id) ON DELETE RESTRICT,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 150),
        body text NOT NULL,
        state text NOT NULL DEFAULT 'CREATED' CHECK (state IN ('CREATED', 'VALIDATING', 'PUBLISHED', 'DISCARDED', 'ANSWERED')),
        discard_reason text,
        published_at timestamptz,
        ends_at timestamptz,
        signatures_count integer NOT NULL DEFAULT 0 CHECK (signatures_count >= 0),
        answer text,
        answer_url text,
        answered_at timestamptz,
        comments_count integer NOT NULL DEFAULT 0,
        follows_count integer NOT NULL DEFAULT 0,
        hidden_at timestamptz,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT petitions_period_check CHECK (state NOT IN ('PUBLISHED', 'ANSWERED') OR (published_at IS NOT NULL AND ends_at > published_at)),
        CONSTRAINT petitions_discard_check CHECK ((state = 'DISCARDED') = (discard_reason IS NOT NULL)),
        CONSTRAINT petitions_answer_check CHECK ((state = 'ANSWERED') = (answered_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX petitions_component_idx ON petitions (component_id, state, ends_at)`,
    );
    await q.query(`
      CREATE TABLE petition_committee_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        petition_id uuid NOT NULL REFERENCES petitions(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        accepted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        accepted_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE petition_committee_members (
        petition_id uuid NOT NULL REFERENCES petitions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        accepted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (petition_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE petition_signatures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        petition_id uuid NOT NULL REFERENCES petitions(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT petition_signatures_once UNIQUE (petition_id, user_id)
      )`);
    await q.query(`CREATE INDEX petition_signatures_user_idx ON petition_signatures (user_id)`);
    await q.query(`
      CREATE TABLE petition_results (
        petition_id uuid PRIMARY KEY REFERENCES petitions(id) ON DELETE CASCADE,
        signatures_count integer NOT NULL CHECK (signatures_count >= 0),
        threshold integer NOT NULL,
        frozen_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`
      CREATE TABLE petition_milestones (
        petition_id uuid NOT NULL REFERENCES petitions(id) ON DELETE CASCADE,
        percent integer NOT NULL CHECK (percent IN (25, 50, 75, 100)),
        reached_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (petition_id, percent)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE petition_milestones, petition_results, petition_signatures, petition_committee_members, petition_committee_invitations, petitions, petition_types`,
    );
    await q.query(`ALTER TABLE components DROP CONSTRAINT IF EXISTS components_type_check`);
    await q.query(
      `ALTER TABLE components ADD CONSTRAINT components_type_check CHECK (type IN ('PROPOSALS', 'PARTICIPATORY_TEXT', 'SURVEY', 'MOTIONS', 'VOTES'))`,
    );
  }
}
