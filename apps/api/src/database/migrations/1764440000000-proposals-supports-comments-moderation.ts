import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proposals as a full feature: dense per-component position index (for the keyed random
 * order), counters held in the same transaction as their rows, published answers, hiding,
 * French accent-insensitive search; supports, comments, follows, reports and moderations.
 */
export class ProposalsSupportsCommentsModeration1764440000000 implements MigrationInterface {
  name = 'ProposalsSupportsCommentsModeration1764440000000';

  async up(q: QueryRunner): Promise<void> {
    // unaccent() is only STABLE; an IMMUTABLE wrapper naming its dictionary can back an index
    await q.query(`
      CREATE FUNCTION concerto_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);

    await q.query(`
      ALTER TABLE proposals
        ADD COLUMN position_index integer,
        ADD COLUMN supports_count integer NOT NULL DEFAULT 0 CHECK (supports_count >= 0),
        ADD COLUMN comments_count integer NOT NULL DEFAULT 0 CHECK (comments_count >= 0),
        ADD COLUMN follows_count integer NOT NULL DEFAULT 0 CHECK (follows_count >= 0),
        ADD COLUMN answer text,
        ADD COLUMN answered_at timestamptz,
        ADD COLUMN answered_by uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN state_published_at timestamptz,
        ADD COLUMN withdrawn_at timestamptz,
        ADD COLUMN hidden_at timestamptz`);
    // bodies are sanitised HTML now: the 3,000-character limit applies to their text (checked by the API)
    await q.query(`ALTER TABLE proposals DROP CONSTRAINT proposals_body_check`);
    await q.query(
      `ALTER TABLE proposals ADD CONSTRAINT proposals_body_check CHECK (char_length(body) <= 20000)`,
    );
    await q.query(`
      UPDATE proposals p SET position_index = r.n
        FROM (SELECT id, row_number() OVER (PARTITION BY component_id ORDER BY published_at, id) - 1 AS n FROM proposals) r
       WHERE r.id = p.id`);
    await q.query(`ALTER TABLE proposals ALTER COLUMN position_index SET NOT NULL`);
    await q.query(
      `ALTER TABLE proposals ADD CONSTRAINT proposals_position_key UNIQUE (component_id, position_index)`,
    );
    await q.query(`
      ALTER TABLE proposals ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('french', concerto_unaccent(coalesce(reference, '') || ' ' || title || ' ' || body))) STORED`);
    await q.query(`CREATE INDEX proposals_search_idx ON proposals USING gin (search_vector)`);
    await q.query(
      `CREATE INDEX proposals_supported_idx ON proposals (component_id, supports_count DESC, id)`,
    );
    await q.query(
      `CREATE INDEX proposals_commented_idx ON proposals (component_id, comments_count DESC, id)`,
    );
    await q.query(
      `CREATE INDEX proposals_followed_idx ON proposals (component_id, follows_count DESC, id)`,
    );
    await q.query(`CREATE INDEX proposals_author_idx ON proposals (author_id)`);

    await q.query(`
      CREATE TABLE proposal_supports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        counted boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT proposal_supports_once UNIQUE (proposal_id, user_id)
      )`);
    await q.query(
      `CREATE INDEX proposal_supports_user_idx ON proposal_supports (component_id, user_id)`,
    );

    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commentable_type text NOT NULL CHECK (commentable_type IN ('PROPOSAL', 'ARTICLE', 'MOTION', 'AMENDMENT')),
        commentable_id uuid NOT NULL,
        space_id uuid NOT NULL REFERENCES participatory_spaces(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        parent_id uuid REFERENCES comments(id) ON DELETE CASCADE,
        depth smallint NOT NULL DEFAULT 0 CHECK (depth BETWEEN 0 AND 2),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
        alignment text NOT NULL DEFAULT 'NEUTRAL' CHECK (alignment IN ('FOR', 'AGAINST', 'NEUTRAL')),
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        hidden_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX comments_commentable_idx ON comments (commentable_type, commentable_id, created_at, id)`,
    );

    await q.query(`
      CREATE TABLE follows (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        followable_type text NOT NULL CHECK (followable_type IN ('PROPOSAL', 'SPACE', 'ARTICLE', 'MOTION', 'AMENDMENT', 'COMMENT')),
        followable_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, followable_type, followable_id)
      )`);
    await q.query(
      `CREATE INDEX follows_followable_idx ON follows (followable_type, followable_id)`,
    );

    await q.query(`
      CREATE TABLE moderations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reportable_type text NOT NULL CHECK (reportable_type IN ('PROPOSAL', 'COMMENT')),
        reportable_id uuid NOT NULL,
        space_id uuid NOT NULL REFERENCES participatory_spaces(id) ON DELETE CASCADE,
        report_count integer NOT NULL DEFAULT 0 CHECK (report_count >= 0),
        hidden_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT moderations_reportable_key UNIQUE (reportable_type, reportable_id)
      )`);
    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        moderation_id uuid NOT NULL REFERENCES moderations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (reason IN ('SPAM', 'OFFENSIVE', 'DOES_NOT_BELONG')),
        details text NOT NULL DEFAULT '' CHECK (char_length(details) <= 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reports_once UNIQUE (moderation_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['reports', 'moderations', 'follows', 'comments', 'proposal_supports'])
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    await q.query(`ALTER TABLE proposals DROP COLUMN search_vector`);
    await q.query(`ALTER TABLE proposals DROP CONSTRAINT proposals_position_key`);
    await q.query(
      `DROP INDEX IF EXISTS proposals_supported_idx, proposals_commented_idx, proposals_followed_idx, proposals_author_idx`,
    );
    await q.query(`
      ALTER TABLE proposals DROP COLUMN position_index, DROP COLUMN supports_count, DROP COLUMN comments_count,
        DROP COLUMN follows_count, DROP COLUMN answer, DROP COLUMN answered_at, DROP COLUMN answered_by,
        DROP COLUMN state_published_at, DROP COLUMN withdrawn_at, DROP COLUMN hidden_at`);
    await q.query(`DROP FUNCTION concerto_unaccent(text)`);
  }
}
