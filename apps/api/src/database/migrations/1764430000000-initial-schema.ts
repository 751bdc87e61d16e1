import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation schema: accounts and sessions, participatory spaces with phases, components,
 * space roles, assembly members, the action log, and the first tables that hold the demo
 * content (proposals, participatory text sources, motions, surveys).
 * Invariants are held here: case-insensitive unique e-mail, one active phase per space,
 * unique slugs, one survey per component, one current membership per assembly and user.
 */
export class InitialSchema1764430000000 implements MigrationInterface {
  name = 'InitialSchema1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
        email text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
        password_hash text NOT NULL,
        is_admin boolean NOT NULL DEFAULT false,
        is_demo boolean NOT NULL DEFAULT false,
        locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`);

    await q.query(`
      CREATE TABLE participatory_spaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 80),
        type text NOT NULL CHECK (type IN ('PROCESS', 'ASSEMBLY')),
        title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 150),
        subtitle text NOT NULL DEFAULT '' CHECK (char_length(subtitle) <= 300),
        description text NOT NULL DEFAULT '',
        published_at timestamptz,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE space_phases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES participatory_spaces(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 150),
        description text NOT NULL DEFAULT '',
        start_date date,
        end_date date,
        active boolean NOT NULL DEFAULT false,
        CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date),
        CONSTRAINT space_phases_position_key UNIQUE (space_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(
      `CREATE UNIQUE INDEX space_phases_one_active_key ON space_phases (space_id) WHERE active`,
    );

    await q.query(`
      CREATE TABLE components (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES participatory_spaces(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('PROPOSALS', 'PARTICIPATORY_TEXT', 'SURVEY', 'MOTIONS')),
        title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 150),
        description text NOT NULL DEFAULT '',
        position integer NOT NULL DEFAULT 0,
        published_at timestamptz,
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX components_space_id_idx ON components (space_id, position)`);

    await q.query(`
      CREATE TABLE space_roles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES participatory_spaces(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('ADMIN', 'MODERATOR')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (space_id, user_id, role)
      )`);

    await q.query(`
      CREATE TABLE assembly_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES participatory_spaces(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        position text NOT NULL DEFAULT 'MEMBER' CHECK (position IN ('PRESIDENT', 'VICE_PRESIDENT', 'SECRETARY', 'MEMBER')),
        college text,
        weight numeric(8,3) NOT NULL DEFAULT 1 CHECK (weight > 0),
        joined_at timestamptz NOT NULL DEFAULT now(),
        left_at timestamptz,
        CHECK (left_at IS NULL OR left_at >= joined_at)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX assembly_members_current_key ON assembly_members (space_id, user_id) WHERE left_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE action_logs (
        id bigserial PRIMARY KEY,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        resource_type text NOT NULL,
        resource_id text,
        space_id uuid REFERENCES participatory_spaces(id) ON DELETE SET NULL,
        visibility text NOT NULL DEFAULT 'ADMIN_ONLY' CHECK (visibility IN ('PUBLIC', 'ADMIN_ONLY', 'PRIVATE')),
        summary text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX action_logs_resource_idx ON action_logs (resource_type, resource_id)`,
    );

    await q.query(`
      CREATE TABLE proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        official boolean NOT NULL DEFAULT false,
        reference text,
        title text NOT NULL CHECK (char_length(title) BETWEEN 15 AND 150),
        body text NOT NULL CHECK (char_length(body) <= 3000),
        state text NOT NULL DEFAULT 'NOT_ANSWERED' CHECK (state IN ('NOT_ANSWERED', 'EVALUATING', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')),
        published_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX proposals_component_id_idx ON proposals (component_id, published_at DESC, id)`,
    );

    await q.query(`
      CREATE TABLE participatory_text_sources (
        component_id uuid PRIMARY KEY REFERENCES components(id) ON DELETE CASCADE,
        markdown text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE motions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        reference text,
        title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 150),
        body text NOT NULL CHECK (char_length(body) <= 10000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE surveys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        component_id uuid NOT NULL UNIQUE REFERENCES components(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 200),
        description text NOT NULL DEFAULT '',
        opens_at timestamptz,
        closes_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (opens_at IS NULL OR closes_at IS NULL OR closes_at > opens_at)
      )`);
    await q.query(`
      CREATE TABLE survey_questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        type text NOT NULL CHECK (type IN ('SHORT_ANSWER', 'LONG_ANSWER', 'SINGLE_OPTION', 'MULTIPLE_OPTION', 'SCALE',
          'MATRIX_SINGLE', 'MATRIX_MULTIPLE', 'SORTING', 'SEPARATOR', 'TITLE_AND_DESCRIPTION')),
        body text NOT NULL,
        mandatory boolean NOT NULL DEFAULT false,
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        CONSTRAINT survey_questions_position_key UNIQUE (survey_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(`
      CREATE TABLE survey_question_options (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_id uuid NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        body text NOT NULL,
        free_text boolean NOT NULL DEFAULT false,
        CONSTRAINT survey_question_options_position_key UNIQUE (question_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);

    await q.query(`
      CREATE TABLE app_settings (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'app_settings',
      'survey_question_options',
      'survey_questions',
      'surveys',
      'motions',
      'participatory_text_sources',
      'proposals',
      'action_logs',
      'assembly_members',
      'space_roles',
      'components',
      'space_phases',
      'participatory_spaces',
      'sessions',
      'users',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
