import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account recovery and e-mail confirmation. `users.email_confirmed_at` records when the
 * address was proven (accounts made before this feature count as confirmed at creation).
 * `account_tokens` holds the one-time links mailed for a password reset or a confirmation:
 * only a SHA-256 of the token is stored, with its expiry; `used_at` makes it single-use (set by
 * one compare-and-set UPDATE, so two uses of one link cannot both succeed).
 */
export class AccountRecovery1765300000000 implements MigrationInterface {
  name = 'AccountRecovery1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN email_confirmed_at timestamptz`);
    await q.query(`UPDATE users SET email_confirmed_at = created_at WHERE deleted_at IS NULL`);
    await q.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CONSTRAINT account_tokens_purpose_check CHECK (purpose IN ('PASSWORD_RESET', 'EMAIL_CONFIRMATION')),
        token_hash text NOT NULL CONSTRAINT account_tokens_token_hash_key UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT account_tokens_expiry_check CHECK (expires_at > created_at)
      )`);
    await q.query(
      `CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_tokens`);
    await q.query(`ALTER TABLE users DROP COLUMN email_confirmed_at`);
  }
}
