import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { DrainLoop } from '../../common/background/drain-loop';
import { queryRows } from '../../common/database/unit-of-work';
import { AppConfig } from '../../config/app-config';
import { describeMailFailure } from '../notification/mailer.service';
import { NewsletterContent, PersonalMail } from './newsletter-content';

/** A delivery claimed by {@link NewsletterSender.processBatch}. */
interface ClaimedDelivery {
  id: string;
  newsletter_id: string;
  user_id: string;
  email: string;
  token: string;
  attempts: number;
  subject: string;
  rendered_html: string;
  rendered_text: string;
}

/** Tries per recipient before a delivery is FAILED for good. */
export const NEWSLETTER_MAX_ATTEMPTS = 3;

/**
 * The newsletter sending queue's worker: drains `newsletter_deliveries` over one pooled SMTP
 * connection. Runs when `NEWSLETTER_WORKER` is on (default outside tests): every 2 s, after each
 * « envoyer » of this process, and at start — which resumes a send interrupted by a crash.
 * Tests call {@link drain}.
 *
 * **Each recipient once — how, and what window remains.**
 * 1. The recipients are one row each (`UNIQUE (newsletter_id, user_id)`), written once by the
 *    « envoyer » transaction: no concurrent send can queue a member twice.
 * 2. A batch is claimed in one statement: rows PENDING (or SENDING whose lease has passed) are
 *    locked `FOR UPDATE SKIP LOCKED` and set SENDING with `lease_until = now() + lease`,
 *    `attempts + 1`. Several workers (processes) never claim the same row while its lease runs.
 * 3. Each mail is handed to SMTP, then its row is set SENT in its own autocommit statement
 *    (`WHERE status = 'SENDING'`), so at most one mail per worker is ever « accepted by SMTP
 *    but not yet recorded ».
 * 4. After a crash (SIGKILL, power loss) the rows left SENDING are claimed again when their
 *    lease has passed. Those never handed to SMTP are simply sent; the one in flight at the
 *    crash — if the SMTP server had already answered 250 — is sent a second time. That is the
 *    window that remains: at most one mail per worker per crash, between the server's acceptance
 *    and the commit of SENT (a millisecond). It is made detectable: every mail carries the
 *    deterministic `Message-ID: <newsletter.{newsletterId}.{userId}@{host}>`, so the resend has
 *    the same id as the first copy (receiving systems and the benchmark's sink see the
 *    duplicate as such). Marking SENT before handing the mail over would turn the window into a
 *    lost mail instead; we prefer « at least once, duplicate detectable ».
 * 5. A refused mail goes back to PENDING (retried after 30 s × attempts) until
 *    {@link NEWSLETTER_MAX_ATTEMPTS}, then FAILED with the transport's error (addresses masked).
 * 6. A member who unsubscribed after « envoyer » is not mailed: the row becomes FAILED with
 *    the error `UNSUBSCRIBED` when its batch is claimed.
 * 7. A newsletter becomes SENT when none of its rows is PENDING or SENDING.
 *
 * Shutdown (SIGTERM) stops claiming and waits for the mail in flight; the rest of a claimed batch
 * is picked up by the next process after the lease.
 */
@Injectable()
export class NewsletterSender
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('NewsletterSender');
  private readonly transport: Transporter;
  private readonly host: string;
  private readonly loop = new DrainLoop(
    async () => (await this.processBatch()) > 0,
    (error) => this.logger.error(`newsletter sending failed: ${describeMailFailure(error)}`),
  );
  private timer?: NodeJS.Timeout;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly content: NewsletterContent,
  ) {
    this.transport = config.SMTP_URL
      ? createTransport({
          url: config.SMTP_URL,
          pool: true,
          maxConnections: 1,
          maxMessages: Infinity,
        })
      : createTransport({ jsonTransport: true });
    this.host = new URL(config.PUBLIC_URL).hostname || 'concerto.local';
  }

  /** Whether this process runs the worker on its own (see `NEWSLETTER_WORKER`). */
  get enabled(): boolean {
    return this.config.NEWSLETTER_WORKER ?? this.config.NODE_ENV !== 'test';
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => this.kick(), 2000);
    this.timer.unref();
    this.kick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.loop.stop();
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }

  /** Wakes the worker (after « envoyer »); does nothing when the worker is off in this process. */
  kick(): void {
    if (this.enabled) this.loop.kick();
  }

  /**
   * Sends everything claimable now, batch after batch, whether the worker is on or not (tests,
   * and the worker's own loop through {@link kick}).
   * @returns the number of deliveries handled
   */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.processBatch();
      if (!n) return total;
      total += n;
    }
  }

  /**
   * Claims one batch (see the class) and sends it, one mail after the other, recording each.
   * @param limit rows to claim (default `NEWSLETTER_BATCH_SIZE`)
   * @param afterEach called after each mail is recorded (tests stop a worker mid-way with it)
   * @returns how many rows were claimed
   */
  async processBatch(
    limit = this.config.NEWSLETTER_BATCH_SIZE,
    afterEach?: (deliveryId: string) => void | Promise<void>,
  ): Promise<number> {
    if (this.stopping) return 0;
    const claimed = await queryRows<ClaimedDelivery>(
      this.dataSource.manager,
      `WITH picked AS (
         SELECT id FROM newsletter_deliveries
          WHERE (status = 'PENDING' AND (lease_until IS NULL OR lease_until < now()))
             OR (status = 'SENDING' AND lease_until < now())
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE newsletter_deliveries d
          SET status = 'SENDING', attempts = d.attempts + 1, lease_until = now() + make_interval(secs => $2)
         FROM picked, newsletters n
        WHERE d.id = picked.id AND n.id = d.newsletter_id
       RETURNING d.id, d.newsletter_id, d.user_id, d.email, d.token, d.attempts, n.subject, n.rendered_html, n.rendered_text`,
      [limit, this.config.NEWSLETTER_LEASE_SECONDS],
    );
    if (!claimed.length) {
      await this.complete(null);
      return 0;
    }
    claimed.sort((a, b) => Number(a.id) - Number(b.id));
    // members who unsubscribed since « envoyer » froze the recipients are not mailed
    const gone = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `UPDATE newsletter_deliveries d SET status = 'FAILED', error = 'UNSUBSCRIBED', lease_until = NULL
         FROM newsletter_subscriptions s
        WHERE d.id = ANY($1::bigint[]) AND d.status = 'SENDING' AND s.user_id = d.user_id AND NOT s.subscribed
        RETURNING d.id`,
      [claimed.map((r) => r.id)],
    );
    const skipped = new Set(gone.map((r) => String(r.id)));
    const touched = new Set<string>(claimed.map((r) => r.newsletter_id));
    for (const row of claimed) {
      if (this.stopping) break; // the rest of the batch waits for its lease
      if (skipped.has(String(row.id))) continue;
      const mail = this.content.personal(
        { subject: row.subject, html: row.rendered_html, text: row.rendered_text },
        row.token,
      );
      try {
        await this.sendOne(mail, row.email, `newsletter.${row.newsletter_id}.${row.user_id}`);
        await this.dataSource.query(
          `UPDATE newsletter_deliveries SET status = 'SENT', sent_at = now(), lease_until = NULL, error = NULL
            WHERE id = $1 AND status = 'SENDING'`,
          [row.id],
        );
      } catch (error) {
        const failed = row.attempts >= NEWSLETTER_MAX_ATTEMPTS;
        await this.dataSource.query(
          `UPDATE newsletter_deliveries SET status = $2, error = $3,
                  lease_until = CASE WHEN $2 = 'PENDING' THEN now() + make_interval(secs => 30 * attempts) END
            WHERE id = $1 AND status = 'SENDING'`,
          [row.id, failed ? 'FAILED' : 'PENDING', describeMailFailure(error)],
        );
      }
      await afterEach?.(row.id);
    }
    await this.complete([...touched]);
    return claimed.length;
  }

  /** Marks SENT the newsletters (those given, or every SENDING one) with nothing left to send. */
  private async complete(ids: string[] | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE newsletters n SET status = 'SENT', completed_at = now()
        WHERE ($1::uuid[] IS NULL OR n.id = ANY($1::uuid[])) AND n.status = 'SENDING'
          AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries d WHERE d.newsletter_id = n.id AND d.status IN ('PENDING', 'SENDING'))`,
      [ids],
    );
  }

  /**
   * Hands one mail to the transport: HTML and plain-text parts, `List-Unsubscribe` (the
   * one-click URL) and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058), and the
   * `Message-ID` built from `key`.
   * @throws the transport's error
   */
  async sendOne(mail: PersonalMail, to: string, key: string): Promise<void> {
    await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${key}@${this.host}>`,
      headers: {
        'List-Unsubscribe': `<${mail.oneClickUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        Precedence: 'bulk',
      },
    });
    if (!this.config.SMTP_URL && !this.config.isProduction)
      this.logger.log(`(no SMTP_URL: not sent) newsletter to ${to}: ${mail.subject}`);
  }
}
