import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Actualités (NEWS component): news posts and their images.
 *
 * - A post's status is never stored: it is SCHEDULED while `published_at` is after PostgreSQL's
 *   `now()`, PUBLISHED from then on (decided at every read).
 * - The followers of the space are told once per post: `announced_at` is set by the single
 *   `UPDATE … WHERE announced_at IS NULL AND published_at <= now() RETURNING` that records the
 *   outbox event in the same transaction; a second process running the same statement waits on
 *   the row lock, then finds `announced_at` set and skips it.
 * - `news_images` holds the uploaded image as a WebP without metadata (sharp), owned by the
 *   component it was uploaded for.
 * - The CHECK lists of `components.type`, `comments.commentable_type`, `follows.followable_type`
 *   and `moderations.reportable_type` gain NEWS / NEWS_POST (values already present are read
 *   from the catalogue and kept, so other branches widening the same lists stay compatible).
 */
export class News1766200000000 implements MigrationInterface {
  name = 'News1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await widen(q, 'components', 'components_type_check', 'type', ['NEWS']);
    await widen(q, 'comments', 'comments_commentable_type_check', 'commentable_type', [
      'NEWS_POST',
    ]);
    await widen(q, 'follows', 'follows_followable_type_check', 'followable_type', ['NEWS_POST']);
    await widen(q, 'moderations', 'moderations_reportable_type_check', 'reportable_type', [
      'NEWS_POST',
    ]);
    await q.query(`
      CREATE TABLE news_images (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
        bytes bytea NOT NULL,
        content_type text NOT NULL CHECK (content_type = 'image/webp'),
        width integer NOT NULL CHECK (width > 0),
        height integer NOT NULL CHECK (height > 0),
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE news_posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
        space_id uuid NOT NULL REFERENCES participatory_spaces(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 150),
        body text NOT NULL DEFAULT '' CHECK (char_length(body) <= 60000),
        image_id uuid REFERENCES news_images(id) ON DELETE SET NULL,
        image_alt text NOT NULL DEFAULT '' CHECK (char_length(image_alt) <= 250),
        author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        on_home_page boolean NOT NULL DEFAULT false,
        published_at timestamptz NOT NULL,
        announced_at timestamptz,
        comments_count integer NOT NULL DEFAULT 0 CHECK (comments_count >= 0),
        follows_count integer NOT NULL DEFAULT 0 CHECK (follows_count >= 0),
        hidden_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('french', concerto_unaccent(title)), 'A') || setweight(to_tsvector('french', concerto_unaccent(body)), 'B')) STORED,
        CONSTRAINT news_posts_image_alt_required CHECK (image_id IS NULL OR char_length(image_alt) > 0)
      )`);
    await q.query(
      `CREATE INDEX news_posts_component_idx ON news_posts (component_id, published_at DESC, id)`,
    );
    await q.query(
      `CREATE INDEX news_posts_home_idx ON news_posts (published_at DESC, id) WHERE on_home_page`,
    );
    await q.query(
      `CREATE INDEX news_posts_unannounced_idx ON news_posts (published_at) WHERE announced_at IS NULL`,
    );
    await q.query(`CREATE INDEX news_posts_search_idx ON news_posts USING gin (search_vector)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS news_posts`);
    await q.query(`DROP TABLE IF EXISTS news_images`);
    await q.query(`DELETE FROM comments WHERE commentable_type = 'NEWS_POST'`);
    await q.query(`DELETE FROM follows WHERE followable_type = 'NEWS_POST'`);
    await q.query(`DELETE FROM moderations WHERE reportable_type = 'NEWS_POST'`);
    await q.query(`DELETE FROM components WHERE type = 'NEWS'`);
    await narrow(q, 'components', 'components_type_check', 'type', ['NEWS']);
    await narrow(q, 'comments', 'comments_commentable_type_check', 'commentable_type', [
      'NEWS_POST',
    ]);
    await narrow(q, 'follows', 'follows_followable_type_check', 'followable_type', ['NEWS_POST']);
    await narrow(q, 'moderations', 'moderations_reportable_type_check', 'reportable_type', [
      'NEWS_POST',
    ]);
  }
}

/** The quoted values of an `IN (…)` CHECK constraint, read from the catalogue. */
async function checkValues(q: QueryRunner, table: string, constraint: string): Promise<string[]> {
  const [row] = await q.query(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND conname = $2`,
    [table, constraint],
  );
  return row ? [...String(row.def).matchAll(/'([^']+)'/g)].map((m) => m[1]) : [];
}

async function rewrite(
  q: QueryRunner,
  table: string,
  constraint: string,
  column: string,
  values: string[],
): Promise<void> {
  const list = values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
  await q.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${constraint}`);
  await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${constraint} CHECK (${column} IN (${list}))`);
}

/** Adds values to an `IN (…)` CHECK constraint, keeping those already there (also used by later migrations). */
export async function widen(
  q: QueryRunner,
  table: string,
  constraint: string,
  column: string,
  added: string[],
): Promise<void> {
  const values = await checkValues(q, table, constraint);
  await rewrite(q, table, constraint, column, [
    ...values,
    ...added.filter((v) => !values.includes(v)),
  ]);
}

/** Removes values from an `IN (…)` CHECK constraint (the `down` of a {@link widen}). */
export async function narrow(
  q: QueryRunner,
  table: string,
  constraint: string,
  column: string,
  removed: string[],
): Promise<void> {
  const values = await checkValues(q, table, constraint);
  await rewrite(
    q,
    table,
    constraint,
    column,
    values.filter((v) => !removed.includes(v)),
  );
}
