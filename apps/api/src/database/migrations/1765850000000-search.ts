import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Global search: each searchable table gets its own French full-text vector (accent-insensitive
 * through `concerto_unaccent`, title weighted above the text) and GIN index, as proposals already
 * have — one index per owner, queried by that owner's search source.
 */
export class Search1765850000000 implements MigrationInterface {
  name = 'Search1765850000000';

  async up(q: QueryRunner): Promise<void> {
    const vector = (title: string, text: string) =>
      `setweight(to_tsvector('french', concerto_unaccent(${title})), 'A') || setweight(to_tsvector('french', concerto_unaccent(${text})), 'B')`;
    await q.query(
      `ALTER TABLE meetings ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (${vector('title', 'description')}) STORED`,
    );
    await q.query(`CREATE INDEX meetings_search_idx ON meetings USING gin (search_vector)`);
    await q.query(
      `ALTER TABLE petitions ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (${vector('title', 'body')}) STORED`,
    );
    await q.query(`CREATE INDEX petitions_search_idx ON petitions USING gin (search_vector)`);
    await q.query(
      `ALTER TABLE text_articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('french', concerto_unaccent(body))) STORED`,
    );
    await q.query(
      `CREATE INDEX text_articles_search_idx ON text_articles USING gin (search_vector)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE text_articles DROP COLUMN search_vector`);
    await q.query(`ALTER TABLE petitions DROP COLUMN search_vector`);
    await q.query(`ALTER TABLE meetings DROP COLUMN search_vector`);
  }
}
