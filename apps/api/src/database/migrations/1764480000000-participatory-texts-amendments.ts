import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participatory texts imported into sections and numbered articles, amendments on articles
 * and proposals, and the versions their acceptance writes. Invariants held here: one article
 * number per text, one version number per resource, at most one accepted amendment per
 * (amendable, base version) — so two concurrent acceptances cannot both write the next
 * version — and one support per amendment and user.
 */
export class ParticipatoryTextsAmendments1764480000000 implements MigrationInterface {
  name = 'ParticipatoryTextsAmendments1764480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE participatory_texts (
        component_id uuid PRIMARY KEY REFERENCES components(id) ON DELETE CASCADE,
        imported_at timestamptz NOT NULL DEFAULT now(),
        imported_by uuid REFERENCES users(id) ON DELETE SET NULL,
        published_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE text_sections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        component_id uuid NOT NULL REFERENCES participatory_texts(component_id) ON DELETE CASCADE,
        parent_id uuid REFERENCES text_sections(id) ON DELETE CASCADE,
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 6),
        position integer NOT NULL CHECK (position >= 0),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 1000),
        CONSTRAINT text_sections_position_key UNIQUE (component_id, position)
      )`);
    await q.query(`
      CREATE TABLE text_articles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        component_id uuid NOT NULL REFERENCES participatory_texts(component_id) ON DELETE CASCADE,
        section_id uuid REFERENCES text_sections(id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 20000),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        comments_count integer NOT NULL DEFAULT 0 CHECK (comments_count >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT text_articles_number_key UNIQUE (component_id, number)
      )`);
    await q.query(`
      CREATE TABLE amendments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        amendable_type text NOT NULL CHECK (amendable_type IN ('ARTICLE', 'PROPOSAL')),
        amendable_id uuid NOT NULL,
        component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
        space_id uuid NOT NULL REFERENCES participatory_spaces(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 150),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 20000),
        base_version integer NOT NULL CHECK (base_version >= 1),
        state text NOT NULL DEFAULT 'EVALUATING' CHECK (state IN ('DRAFT', 'EVALUATING', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')),
        outdated boolean NOT NULL DEFAULT false,
        rejection_reason text CHECK (rejection_reason IS NULL OR char_length(rejection_reason) <= 5000),
        answered_at timestamptz,
        answered_by uuid REFERENCES users(id) ON DELETE SET NULL,
        supports_count integer NOT NULL DEFAULT 0 CHECK (supports_count >= 0),
        comments_count integer NOT NULL DEFAULT 0 CHECK (comments_count >= 0),
        promoted_proposal_id uuid UNIQUE REFERENCES proposals(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (state <> 'REJECTED' OR rejection_reason IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX amendments_amendable_idx ON amendments (amendable_type, amendable_id, created_at, id)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX amendments_one_accepted_per_version_key ON amendments (amendable_type, amendable_id, base_version) WHERE state = 'ACCEPTED'`,
    );
    await q.query(`
      CREATE TABLE amendment_supports (
        amendment_id uuid NOT NULL REFERENCES amendments(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (amendment_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE article_versions (
        article_id uuid NOT NULL REFERENCES text_articles(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        body text NOT NULL,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        amendment_id uuid REFERENCES amendments(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (article_id, version)
      )`);
    await q.query(
      `ALTER TABLE proposals ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`,
    );
    await q.query(`
      CREATE TABLE proposal_versions (
        proposal_id uuid NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        title text NOT NULL,
        body text NOT NULL,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        amendment_id uuid REFERENCES amendments(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (proposal_id, version)
      )`);
    // the article's version a comment was written on (comments stay on the article across versions)
    await q.query(
      `ALTER TABLE comments ADD COLUMN article_version integer CHECK (article_version IS NULL OR article_version >= 1)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE comments DROP COLUMN article_version`);
    for (const table of [
      'proposal_versions',
      'article_versions',
      'amendment_supports',
      'amendments',
      'text_articles',
      'text_sections',
      'participatory_texts',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`ALTER TABLE proposals DROP COLUMN version`);
  }
}
