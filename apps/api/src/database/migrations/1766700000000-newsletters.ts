import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Newsletters (« Lettre d'information », issue #13 item 4), owned by the newsletter module:
 *
 * - `newsletter_subscriptions`: one row per member who ever chose (opt-in, off by default: no row
 *   = not subscribed) with a random unsubscribe token (two v4 UUIDs, 244 random bits, never
 *   derived from the account) used by the one-click link of every mail (RFC 8058).
 * - `newsletters`: drafts, then SENDING (recipients snapshot taken) and SENT (queue drained).
 *   `rendered_*` freeze the mail at « envoyer » so a resumed send mails the same content.
 * - `newsletter_deliveries`: the queue, one row per (newsletter, member) — the unique constraint
 *   is what makes a recipient appear once whatever the number of concurrent sends; status
 *   PENDING → SENDING (claimed under a lease) → SENT | FAILED, with attempts and the last error.
 */
export class Newsletters1766700000000 implements MigrationInterface {
  name = 'Newsletters1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE newsletter_subscriptions (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        subscribed boolean NOT NULL DEFAULT false,
        token text NOT NULL UNIQUE DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
        changed_at timestamptz NOT NULL DEFAULT now(),
        changed_via text NOT NULL DEFAULT 'ACCOUNT' CHECK (changed_via IN ('SIGN_UP', 'ACCOUNT', 'ONE_CLICK', 'PAGE', 'DEMO'))
      )`);
    await q.query(
      `CREATE INDEX newsletter_subscriptions_subscribed_idx ON newsletter_subscriptions (user_id) WHERE subscribed`,
    );
    await q.query(`
      CREATE TABLE newsletters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject text NOT NULL,
        body text NOT NULL,
        blocks text[] NOT NULL DEFAULT '{}',
        audience text NOT NULL DEFAULT 'ALL' CHECK (audience IN ('ALL', 'SPACES', 'TYPOLOGIES')),
        space_ids uuid[] NOT NULL DEFAULT '{}',
        typology_keys text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SENDING', 'SENT')),
        rendered_html text,
        rendered_text text,
        recipients_count integer,
        is_demo boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        send_requested_at timestamptz,
        completed_at timestamptz,
        CHECK ((status = 'DRAFT') = (send_requested_at IS NULL))
      )`);
    await q.query(`
      CREATE TABLE newsletter_deliveries (
        id bigserial PRIMARY KEY,
        newsletter_id uuid NOT NULL REFERENCES newsletters(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        email text NOT NULL,
        token text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        lease_until timestamptz,
        sent_at timestamptz,
        error text,
        CONSTRAINT newsletter_deliveries_once UNIQUE (newsletter_id, user_id)
      )`);
    await q.query(
      `CREATE INDEX newsletter_deliveries_queue_idx ON newsletter_deliveries (id) WHERE status IN ('PENDING', 'SENDING')`,
    );
    await q.query(`CREATE INDEX newsletter_deliveries_user_idx ON newsletter_deliveries (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE newsletter_deliveries`);
    await q.query(`DROP TABLE newsletters`);
    await q.query(`DROP TABLE newsletter_subscriptions`);
  }
}
