import { BallotLimits } from '@concerto/domain';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PeriodicTick } from '../../common/background/periodic-tick';
import { inTransaction } from '../../common/database/unit-of-work';
import { AppConfig } from '../../config/app-config';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { describeMailFailure, MailerService } from '../notification/mailer.service';
import { BallotService, CensusRow } from './ballot.service';

const TICK_MS = 30_000;

/**
 * Freezes census sizes of opened ballots and results of closed ones, and records the "opened",
 * "closing soon" (1 h before) and "closed" events once each (`ballot_events` primary key, so a
 * restart catches up without repeating one), each in the same transaction as its outbox entry
 * (`ballot.lifecycle`, notified to the census by {@link BallotNotifications}). Two processes
 * ticking at once insert each row once: the second waits on the first's uncommitted row, then
 * skips it. Nothing depends on it running: statuses come from
 * the clock at read time and results are frozen on the first read. Not started in tests
 * (NODE_ENV=test), where {@link tick} is called directly.
 */
/** Attempts at mailing one e-mail census invitation before giving up (1 + retries after 1, 2, 4, 8 minutes). */
export const INVITATION_MAX_ATTEMPTS = 5;

@Injectable()
export class BallotSchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('BallotScheduler');
  private readonly clock = new PeriodicTick(this.logger, TICK_MS, () => this.tick());
  private running = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ballots: BallotService,
    private readonly config: AppConfig,
    private readonly outbox: DomainEventOutbox,
    private readonly mailer: MailerService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV !== 'test') this.clock.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.clock.stop(); // the tick under way ends before the pool closes
  }

  /**
   * One pass.
   * @returns the lifecycle events recorded (ballot id and kind), the number of results frozen and
   *   of e-mail census invitations sent
   */
  async tick(): Promise<{
    events: { ballotId: string; kind: string }[];
    results: number;
    invitations: number;
  }> {
    if (this.running) return { events: [], results: 0, invitations: 0 };
    this.running = true;
    try {
      const opened: CensusRow[] = await this.dataSource.query(
        `SELECT id, census_kind, census_space_id, census_weighted, census_typologies FROM ballots b WHERE opens_at <= now() AND NOT EXISTS (SELECT 1 FROM ballot_census_snapshots s WHERE s.ballot_id = b.id)`,
      );
      for (const row of opened)
        await inTransaction(this.dataSource, (m) => this.ballots.freezeCensus(m, row));
      const due: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM ballots b WHERE closes_at <= now() AND NOT EXISTS (SELECT 1 FROM ballot_results r WHERE r.ballot_id = b.id)`,
      );
      let results = 0;
      for (const { id } of due) if (await this.ballots.freezeResult(id)) results++;
      // each event row and its outbox entry commit together: a restart (or a second process) neither loses nor repeats one
      const events = await inTransaction(this.dataSource, async (manager) => {
        const rows: {
          ballot_id: string;
          kind: 'OPENED' | 'CLOSING_SOON' | 'CLOSED';
          component_id: string;
          space_id: string;
          title: string;
        }[] = await manager.query(
          `WITH fresh AS (
             INSERT INTO ballot_events (ballot_id, kind)
             SELECT id, 'OPENED' FROM ballots WHERE opens_at <= now() AND closes_at > now()
             UNION ALL SELECT id, 'CLOSING_SOON' FROM ballots WHERE opens_at <= now() AND closes_at - ($1 || ' milliseconds')::interval <= now() AND closes_at > now()
             UNION ALL SELECT id, 'CLOSED' FROM ballots WHERE closes_at <= now()
             ON CONFLICT (ballot_id, kind) DO NOTHING RETURNING ballot_id, kind)
           SELECT f.ballot_id, f.kind, b.component_id, c.space_id, b.title
             FROM fresh f JOIN ballots b ON b.id = f.ballot_id JOIN components c ON c.id = b.component_id
            ORDER BY f.ballot_id, f.kind`,
          [String(BallotLimits.closingSoonMs)],
        );
        for (const row of rows) {
          await this.outbox.record(
            manager,
            'ballot.lifecycle',
            {
              ballotId: row.ballot_id,
              componentId: row.component_id,
              spaceId: row.space_id,
              title: row.title,
              kind: row.kind,
            },
            null,
          );
        }
        return rows;
      });
      if (events.length) this.outbox.committed();
      const invitations = await this.inviteEmailCensus();
      return {
        events: events.map((e) => ({ ballotId: e.ballot_id, kind: e.kind })),
        results,
        invitations,
      };
    } finally {
      this.running = false;
    }
  }

  /**
   * E-mail census: every address of an open EMAIL_LIST ballot that has no account gets an
   * invitation to sign up with it (`/inscription?email=…`; once signed up with that address, the
   * census counts it). One row per (ballot, address) in `ballot_census_invitations` (primary key)
   * is inserted first; then due, undelivered rows are claimed in one statement that pushes their
   * `next_attempt_at` forward (FOR UPDATE SKIP LOCKED), so two schedulers ticking at once never
   * mail one address twice. A delivered row gets `sent_at` and is never tried again; a failed
   * mail is retried after 1, 2, 4, 8… minutes (at most {@link INVITATION_MAX_ATTEMPTS} attempts,
   * while the ballot is open), its last error kept for admins. A process killed between the
   * mail and `sent_at` may send that one invitation again (at least once, never lost). Run on
   * every tick for all open ballots, so a restart between the "opened" event and the
   * invitations catches up.
   * @returns the number of invitations attempted by this call
   */
  private async inviteEmailCensus(): Promise<number> {
    await this.dataSource.query(
      `INSERT INTO ballot_census_invitations (ballot_id, email)
       SELECT e.ballot_id, e.email FROM ballot_census_emails e JOIN ballots b ON b.id = e.ballot_id
        WHERE b.census_kind = 'EMAIL_LIST' AND b.opens_at <= now() AND b.closes_at > now()
          AND NOT EXISTS (SELECT 1 FROM users u WHERE lower(u.email) = e.email AND u.deleted_at IS NULL)
       ON CONFLICT (ballot_id, email) DO NOTHING`,
    );
    const due: { ballot_id: string; email: string; title: string }[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE ballot_census_invitations i
            SET attempts = i.attempts + 1, next_attempt_at = now() + interval '1 minute' * power(2, i.attempts)
          WHERE (i.ballot_id, i.email) IN (
            SELECT d.ballot_id, d.email FROM ballot_census_invitations d JOIN ballots b ON b.id = d.ballot_id
             WHERE d.sent_at IS NULL AND d.next_attempt_at <= now() AND d.attempts < $1 AND b.closes_at > now()
             ORDER BY d.next_attempt_at LIMIT 500
             FOR UPDATE OF d SKIP LOCKED)
          RETURNING i.ballot_id, i.email)
       SELECT c.ballot_id, c.email, b.title FROM claimed c JOIN ballots b ON b.id = c.ballot_id ORDER BY c.ballot_id, c.email`,
      [INVITATION_MAX_ATTEMPTS],
    );
    for (const row of due) {
      try {
        await this.mailer.send({
          to: row.email,
          subject: `[Concerto] Vous êtes invité·e à voter : ${row.title}`,
          text:
            `La votation « ${row.title} » est ouverte et votre adresse figure parmi les votants.\n\n` +
            `Créez votre compte Concerto avec cette adresse pour voter :\n${this.config.PUBLIC_URL}/inscription?email=${encodeURIComponent(row.email)}`,
        });
        await this.dataSource.query(
          `UPDATE ballot_census_invitations SET sent_at = now(), last_error = NULL WHERE ballot_id = $1 AND email = $2`,
          [row.ballot_id, row.email],
        );
      } catch (error) {
        const reason = describeMailFailure(error);
        this.logger.warn(`ballot census invitation failed (will retry): ${reason}`);
        await this.dataSource.query(
          `UPDATE ballot_census_invitations SET last_error = $3 WHERE ballot_id = $1 AND email = $2`,
          [row.ballot_id, row.email, reason.slice(0, 500)],
        );
      }
    }
    return due.length;
  }
}
