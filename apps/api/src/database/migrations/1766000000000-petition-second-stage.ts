import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second stage of a petition, for real (issue 17: « an accepted petition can become a
 * proposal in a Concertation or a motion in the Assemblée »; ANSWERED carries « a link to what it
 * became »):
 *
 * - `petition_types.second_stage_component_id`: the PROPOSALS or MOTIONS component an accepted
 *   petition of the type may become a proposal or a draft motion of (the free
 *   `second_stage_url` stays, as a hint for the admins). A type whose link already pointed at
 *   such a component (`/espaces/<slug>/f/<componentId>…`) gets it as its target.
 * - `petitions.became_type` / `became_id`: what the petition became, set in the same transaction
 *   as the answer; both or neither.
 * - `proposals` and `motions` gain their origin (`origin_type`, `origin_id`, with the origin's
 *   title and web path for the « Issue de la pétition … » line), unique per origin: whatever the
 *   service does, PostgreSQL refuses a second proposal (or motion) from the same petition.
 */
export class PetitionSecondStage1766000000000 implements MigrationInterface {
  name = 'PetitionSecondStage1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE petition_types ADD COLUMN second_stage_component_id uuid REFERENCES components(id) ON DELETE SET NULL`,
    );
    await q.query(`
      UPDATE petition_types t SET second_stage_component_id = c.id
        FROM components c
       WHERE t.second_stage_url ~* '^/espaces/[^/]+/f/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(/|$|[?#])'
         AND c.id = substring(t.second_stage_url from '/f/([0-9a-fA-F-]{36})')::uuid
         AND c.type IN ('PROPOSALS', 'MOTIONS')`);
    await q.query(`
      ALTER TABLE petitions
        ADD COLUMN became_type text CHECK (became_type IN ('PROPOSAL', 'MOTION')),
        ADD COLUMN became_id uuid,
        ADD CONSTRAINT petitions_became_check CHECK ((became_type IS NULL) = (became_id IS NULL) AND (became_type IS NULL OR state = 'ANSWERED'))`);
    for (const table of ['proposals', 'motions']) {
      await q.query(`
        ALTER TABLE ${table}
          ADD COLUMN origin_type text CHECK (origin_type IN ('PETITION')),
          ADD COLUMN origin_id uuid,
          ADD COLUMN origin_title text CHECK (char_length(origin_title) <= 200),
          ADD COLUMN origin_link text CHECK (char_length(origin_link) <= 500),
          ADD CONSTRAINT ${table}_origin_check CHECK ((origin_type IS NULL) = (origin_id IS NULL) AND (origin_type IS NULL) = (origin_title IS NULL) AND (origin_type IS NULL) = (origin_link IS NULL))`);
      await q.query(
        `CREATE UNIQUE INDEX ${table}_origin_once ON ${table} (origin_type, origin_id) WHERE origin_type IS NOT NULL`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['motions', 'proposals']) {
      await q.query(`DROP INDEX ${table}_origin_once`);
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_origin_check, DROP COLUMN origin_link, DROP COLUMN origin_title, DROP COLUMN origin_id, DROP COLUMN origin_type`,
      );
    }
    await q.query(
      `ALTER TABLE petitions DROP CONSTRAINT petitions_became_check, DROP COLUMN became_id, DROP COLUMN became_type`,
    );
    await q.query(`ALTER TABLE petition_types DROP COLUMN second_stage_component_id`);
  }
}
