import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in with OpenID Connect providers (ProSanté Connect, FranceConnect, any OIDC issuer).
 *
 * - `identities`: one row per (issuer, subject) an account signed in with — Decidim's
 *   `decidim_identities`. `UNIQUE (issuer, subject)` holds "one identity, one account" against
 *   concurrent callbacks; the account deletion removes the rows (personal data).
 * - `identity_sign_in_attempts`: an authorization request in flight (state, nonce, PKCE verifier),
 *   consumed once by the callback (`DELETE … RETURNING`), so a replayed callback finds nothing.
 * - A live account may now have no password (created through a provider); it still needs an e-mail.
 */
export class Identities1766400000000 implements MigrationInterface {
  name = 'Identities1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        provider text NOT NULL CHECK (provider ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
        issuer text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
        email text CHECK (length(email) <= 320),
        professional_id text CHECK (length(professional_id) <= 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT identities_issuer_subject_key UNIQUE (issuer, subject)
      )`);
    await q.query(`CREATE INDEX identities_user_idx ON identities (user_id)`);
    await q.query(`
      CREATE TABLE identity_sign_in_attempts (
        state text PRIMARY KEY CHECK (length(state) BETWEEN 20 AND 100),
        provider text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        linking_user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        return_to text NOT NULL DEFAULT '/',
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX identity_sign_in_attempts_expiry_idx ON identity_sign_in_attempts (expires_at)`,
    );
    await q.query(`
      ALTER TABLE users DROP CONSTRAINT users_deleted_check,
        ADD CONSTRAINT users_deleted_check CHECK (
          CASE WHEN deleted_at IS NULL THEN email IS NOT NULL
               ELSE email IS NULL AND password_hash IS NULL AND NOT is_admin END)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE identity_sign_in_attempts`);
    await q.query(`DROP TABLE identities`);
    await q.query(`
      ALTER TABLE users DROP CONSTRAINT users_deleted_check,
        ADD CONSTRAINT users_deleted_check CHECK (
          CASE WHEN deleted_at IS NULL THEN email IS NOT NULL AND password_hash IS NOT NULL
               ELSE email IS NULL AND password_hash IS NULL AND NOT is_admin END)`);
  }
}
