import { MigrationInterface, QueryRunner } from 'typeorm';
import { CAPABILITY_TYPE_CHECKS, setAllowedValue } from '../check-constraint-lists';

/**
 * Boîte à idées (IDEAS component): idea boxes, their ideas, voters, and the pairs shown with
 * their answers.
 *
 * - A vote is only accepted for a pair shown to that voter: the answer is written on the
 *   `idea_pairs` row the server created when it showed the pair, by one
 *   `UPDATE … WHERE voter_id = $me AND answered_at IS NULL`, so answering one shown pair twice
 *   at once records one vote (the second finds it answered).
 * - One open (unanswered) pair per voter and box: the partial unique index
 *   `idea_pairs_one_open`, so concurrent « next pair » requests of one voter show one pair.
 * - `ideas.wins` / `ideas.losses` move in the vote's transaction (exact counts); the
 *   Bradley–Terry strength and the score with its interval are refreshed from the votes
 *   (`IdeaScoringService`), `idea_boxes.scored_comparisons` telling how many they include.
 * - One idea text per box (case and surrounding spaces ignored): `ideas_body_once`.
 * - A voter is a signed-in account (`user_id`) or a browser (`token_hash`, SHA-256 of the
 *   random token of its httpOnly cookie); an account deletion unlinks the voter (votes stay).
 * - The CHECK lists of `components.type`, `comments.commentable_type`, `follows.followable_type`
 *   and `moderations.reportable_type` gain IDEAS / IDEA, read from the current constraints so
 *   values added by other migrations stay.
 */
export class Ideas1765970000000 implements MigrationInterface {
  name = 'Ideas1765970000000';

  async up(q: QueryRunner): Promise<void> {
    await this.checks(q, true);
    await q.query(`
      CREATE TABLE idea_boxes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
        space_id uuid NOT NULL REFERENCES participatory_spaces(id) ON DELETE CASCADE,
        question text NOT NULL CHECK (char_length(question) BETWEEN 3 AND 300),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 5000),
        published_at timestamptz,
        scored_comparisons integer NOT NULL DEFAULT 0 CHECK (scored_comparisons >= 0),
        scored_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX idea_boxes_component_idx ON idea_boxes (component_id, created_at, id)`,
    );
    await q.query(`
      CREATE TABLE ideas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        box_id uuid NOT NULL REFERENCES idea_boxes(id) ON DELETE CASCADE,
        body text NOT NULL CHECK (char_length(body) BETWEEN 3 AND 280),
        origin text NOT NULL CHECK (origin IN ('SEED', 'PARTICIPANT')),
        status text NOT NULL CHECK (status IN ('PENDING', 'PUBLISHED', 'REJECTED')),
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        rejection_reason text NOT NULL DEFAULT '' CHECK (char_length(rejection_reason) <= 500),
        moderated_at timestamptz,
        wins integer NOT NULL DEFAULT 0 CHECK (wins >= 0),
        losses integer NOT NULL DEFAULT 0 CHECK (losses >= 0),
        strength double precision NOT NULL DEFAULT 0,
        score double precision NOT NULL DEFAULT 50 CHECK (score BETWEEN 0 AND 100),
        score_low double precision NOT NULL DEFAULT 0 CHECK (score_low BETWEEN 0 AND 100),
        score_high double precision NOT NULL DEFAULT 100 CHECK (score_high BETWEEN 0 AND 100),
        comments_count integer NOT NULL DEFAULT 0 CHECK (comments_count >= 0),
        follows_count integer NOT NULL DEFAULT 0 CHECK (follows_count >= 0),
        hidden_at timestamptz,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX ideas_body_once ON ideas (box_id, lower(btrim(body)))`);
    await q.query(`CREATE INDEX ideas_box_idx ON ideas (box_id, status, created_at, id)`);
    await q.query(`CREATE INDEX ideas_author_idx ON ideas (author_id) WHERE author_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE idea_voters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        token_hash text CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        unlinked_at timestamptz,
        CONSTRAINT idea_voters_user_key UNIQUE (user_id),
        CONSTRAINT idea_voters_token_key UNIQUE (token_hash),
        CONSTRAINT idea_voters_identity_check CHECK (num_nonnulls(user_id, token_hash) = 1 OR unlinked_at IS NOT NULL)
      )`);
    await q.query(`
      CREATE TABLE idea_pairs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        box_id uuid NOT NULL REFERENCES idea_boxes(id) ON DELETE CASCADE,
        voter_id uuid NOT NULL REFERENCES idea_voters(id) ON DELETE CASCADE,
        left_idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
        right_idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
        shown_at timestamptz NOT NULL DEFAULT now(),
        choice text CHECK (choice IN ('LEFT', 'RIGHT', 'SKIP', 'DONT_KNOW')),
        answered_at timestamptz,
        is_demo boolean NOT NULL DEFAULT false,
        CONSTRAINT idea_pairs_two_ideas CHECK (left_idea_id <> right_idea_id),
        CONSTRAINT idea_pairs_answer_check CHECK ((choice IS NULL) = (answered_at IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX idea_pairs_one_open ON idea_pairs (box_id, voter_id) WHERE answered_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX idea_pairs_voter_idx ON idea_pairs (voter_id, box_id, shown_at DESC)`,
    );
    await q.query(
      `CREATE INDEX idea_pairs_votes_idx ON idea_pairs (box_id) INCLUDE (left_idea_id, right_idea_id, choice, voter_id) WHERE choice IN ('LEFT', 'RIGHT')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS idea_pairs`);
    await q.query(`DROP TABLE IF EXISTS idea_voters`);
    await q.query(`DROP TABLE IF EXISTS ideas`);
    await q.query(`DROP TABLE IF EXISTS idea_boxes`);
    await q.query(`DELETE FROM comments WHERE commentable_type = 'IDEA'`);
    await q.query(`DELETE FROM follows WHERE followable_type = 'IDEA'`);
    await q.query(`DELETE FROM moderations WHERE reportable_type = 'IDEA'`);
    await q.query(`DELETE FROM components WHERE type = 'IDEAS'`);
    await this.checks(q, false);
  }

  /** IDEAS among component types, IDEA among the capabilities' resource types (lists read from the constraints: other branches' values stay). */
  private async checks(q: QueryRunner, present: boolean): Promise<void> {
    await setAllowedValue(q, 'components', 'type', 'components_type_check', 'IDEAS', present);
    for (const [table, column, constraint] of CAPABILITY_TYPE_CHECKS)
      await setAllowedValue(q, table, column, constraint, 'IDEA', present);
  }
}
