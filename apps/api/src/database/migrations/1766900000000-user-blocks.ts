import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Blocked accounts (issue #14 item 7: « a user cannot be blocked »), as Decidim's
 * `decidim_user_moderations`/`decidim_user_blocks`: an organization administrator blocks an
 * account with a reason; the account cannot sign in and its sessions are closed
 * (`users.blocked_at`, owned by the user module, which the session lookup reads), and its
 * contributions are hidden until it is unblocked. `user_blocks` (owned by the moderation
 * module) keeps every block with who lifted it and when; one block in force per account, held
 * by a partial unique index so two administrators blocking at once leave one.
 * `moderations.user_block_id` marks the resources a block hid, so that lifting it shows those
 * again and only those (a resource hidden by reports stays hidden).
 */
export class UserBlocks1766900000000 implements MigrationInterface {
  name = 'UserBlocks1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN blocked_at timestamptz`);
    await q.query(`
      CREATE TABLE user_blocks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        blocked_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 10 AND 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        lifted_at timestamptz,
        lifted_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT user_blocks_lifting_complete CHECK (lifted_at IS NOT NULL OR lifted_by_id IS NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX user_blocks_in_force ON user_blocks (user_id) WHERE lifted_at IS NULL`,
    );
    await q.query(
      `ALTER TABLE moderations ADD COLUMN user_block_id uuid REFERENCES user_blocks(id) ON DELETE SET NULL`,
    );
    await q.query(
      `CREATE INDEX moderations_user_block ON moderations (user_block_id) WHERE user_block_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE moderations DROP COLUMN user_block_id`);
    await q.query(`DROP TABLE user_blocks`);
    await q.query(`ALTER TABLE users DROP COLUMN blocked_at`);
  }
}
