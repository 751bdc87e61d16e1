import { DOMAIN_EVENT_TYPES, DomainEventType, LiveNotification } from '@concerto/domain';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DrainLoop } from '../../common/background/drain-loop';
import { inTransaction } from '../../common/database/unit-of-work';
import { withRequestId } from '../../common/logging/request-id';
import { AppConfig } from '../../config/app-config';
import { ResourceHosts } from '../../platform/component-registry';
import { DomainEventOutbox } from './domain-event-outbox';
import { describeMailFailure, MailerService } from './mailer.service';
import { NotificationGateway } from './notification.gateway';
import { NOT_WITHDRAWN, toLiveNotification, NotificationRow } from './notification.service';
import {
  type LiveMessage,
  NOTHING,
  NOTIFICATION_HANDLER,
  type NotificationHandler,
  type NotificationPlan,
  type PlannedNotification,
} from '../../platform/notification-handler';

interface EventRow {
  id: string;
  type: DomainEventType;
  payload: any;
  actor_id: string | null;
  /** The request that recorded the event: the lines logged while handling it carry it (`jobReqId`). */
  request_id: string | null;
}

type Planned = PlannedNotification;
type Broadcast = LiveMessage;

/**
 * Turns committed domain events into notifications, pushes and e-mails. Runs after every
 * commit that recorded events (`DomainEventOutbox.committed`), every 5 s, and at start —
 * which catches up on events left by a crash. Each batch takes pending events with
 * `FOR UPDATE SKIP LOCKED` (several API processes never process the same event), writes the
 * notifications with `ON CONFLICT (user_id, event_id) DO NOTHING` (a re-run is harmless) and
 * marks the events processed in the same transaction; sockets and mails follow the commit.
 */
@Injectable()
export class NotificationDispatcher
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown
{
  /** Event type → the handler its owning module registered (discovered at start). */
  private readonly handlers = new Map<DomainEventType, NotificationHandler>();
  private readonly logger = new Logger('NotificationDispatcher');
  private readonly loop = new DrainLoop(
    async () => (await this.processBatch()) > 0,
    (error) => this.logger.error(`dispatch failed: ${(error as Error).stack ?? error}`),
  );
  private timer?: NodeJS.Timeout;
  private digestTimer?: NodeJS.Timeout;
  private unsubscribe?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: DomainEventOutbox,
    private readonly gateway: NotificationGateway,
    private readonly mailer: MailerService,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly hosts: ResourceHosts,
  ) {}

  /** Collects the handlers; refuses to start when an event type has none or two. */
  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (
        !wrapper.instance ||
        !wrapper.metatype ||
        !Reflect.getMetadata(NOTIFICATION_HANDLER, wrapper.metatype)
      )
        continue;
      const handler = wrapper.instance as NotificationHandler;
      for (const type of handler.events) {
        if (this.handlers.has(type))
          throw new Error(`Domain event ${type} has two notification handlers.`);
        this.handlers.set(type, handler);
      }
    }
    const missing = DOMAIN_EVENT_TYPES.filter((type) => !this.handlers.has(type));
    if (missing.length)
      throw new Error(
        `Domain events without a notification handler: ${missing.join(', ')} (register one with @NotificationHandlerFor() in the owning module).`,
      );
  }

  onApplicationBootstrap(): void {
    this.unsubscribe = this.outbox.onCommitted(() => this.kick());
    this.timer = setInterval(() => this.kick(), 5000);
    this.timer.unref();
    this.digestTimer = setInterval(
      () =>
        void this.sendDigests().catch((e) =>
          this.logger.warn(`digest failed: ${describeMailFailure(e)}`),
        ),
      3600_000,
    );
    this.digestTimer.unref();
    this.kick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    if (this.digestTimer) clearInterval(this.digestTimer);
    await this.loop.stop();
  }

  /** Starts processing pending events unless a run is under way (then it runs once more after it). */
  kick(): void {
    this.loop.kick();
  }

  /** Resolves when every event committed so far has been processed (for tests and shutdown). */
  async idle(): Promise<void> {
    await this.loop.idle();
  }

  /** Processes up to 100 pending events. @returns how many */
  async processBatch(): Promise<number> {
    const result = await inTransaction(this.dataSource, async (manager) => {
      const events: EventRow[] = await manager.query(
        `SELECT id, type, payload, actor_id, request_id FROM domain_events WHERE processed_at IS NULL ORDER BY sequence LIMIT 100 FOR UPDATE SKIP LOCKED`,
      );
      // Notification sequences must grow in commit order: a reconnecting client asks for what
      // came after the last one it saw (`catchUp`), so a row numbered lower but committed later by
      // another process (seen during a rolling restart) would never reach it. One batch at a time
      // across processes, from its first sequence number to its commit.
      if (events.length)
        await manager.query(
          `SELECT pg_advisory_xact_lock(hashtext('concerto:notification-sequence'))`,
        );
      const stored: NotificationRow[] = [];
      const broadcasts: Broadcast[] = [];
      const disconnects: string[] = [];
      for (const event of events) {
        const { planned, live, disconnect, subjects } = await withRequestId(event.request_id, () =>
          this.plan(manager, event),
        );
        const withdrawn = await this.recordSubjects(manager, event.id, subjects ?? []);
        broadcasts.push(...live);
        disconnects.push(...(disconnect ?? []));
        const wanted = await this.filterBySettings(manager, planned);
        if (wanted.length) {
          const rows: NotificationRow[] = await manager.query(
            `INSERT INTO notifications (user_id, event_id, kind, title, body, link)
             SELECT u, $1, k, t, b, l FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(u, k, t, b, l)
              -- never to a deleted account; FOR SHARE waits for (or holds off) a deletion in progress
              WHERE EXISTS (SELECT 1 FROM users WHERE id = x.u AND deleted_at IS NULL FOR SHARE)
             ON CONFLICT (user_id, event_id) DO NOTHING
             RETURNING id, sequence, user_id, kind, title, body, link, created_at, read_at`,
            [
              event.id,
              wanted.map((p) => p.userId),
              wanted.map((p) => p.kind),
              wanted.map((p) => p.title),
              wanted.map((p) => p.body),
              wanted.map((p) => p.link),
            ],
          );
          // about content already hidden: kept (shown again with it), but neither pushed nor mailed
          if (!withdrawn) stored.push(...rows);
        }
      }
      if (events.length)
        await manager.query(
          `UPDATE domain_events SET processed_at = now() WHERE id = ANY($1::uuid[])`,
          [events.map((e) => e.id)],
        );
      return { count: events.length, stored, broadcasts, disconnects };
    });
    for (const sessionId of result.disconnects) this.gateway.disconnectSession(sessionId);
    for (const row of result.stored)
      this.gateway.pushNotification(row.user_id, toLiveNotification(row));
    for (const b of result.broadcasts)
      this.gateway.broadcast(b.room, b.event as 'comment.created', b.payload as never);
    if (result.stored.length)
      await this.mailImmediate(result.stored).catch((error) =>
        this.logger.warn(`mail failed: ${describeMailFailure(error)}`),
      );
    return result.count;
  }

  /**
   * Records what an event's notifications are about; a subject already hidden by moderation
   * (between the event's commit and now) is recorded withdrawn at once.
   * @returns whether one of them is hidden now
   */
  private async recordSubjects(
    manager: EntityManager,
    eventId: string,
    subjects: { type: string; id: string }[],
  ): Promise<boolean> {
    if (!subjects.length) return false;
    const hidden: boolean[] = [];
    for (const s of subjects)
      hidden.push(!!(await this.hosts.find(s.type)?.reference(s.id, manager))?.hidden);
    await manager.query(
      `INSERT INTO notification_subjects (event_id, resource_type, resource_id, withdrawn_at)
       SELECT $1, t, i, CASE WHEN h THEN now() END FROM unnest($2::text[], $3::uuid[], $4::boolean[]) AS x(t, i, h)
       ON CONFLICT DO NOTHING`,
      [eventId, subjects.map((s) => s.type), subjects.map((s) => s.id), hidden],
    );
    return hidden.some(Boolean);
  }

  /** Recipients, texts and live messages of one event, from the handler its owning module registered. */
  private async plan(manager: EntityManager, event: EventRow): Promise<NotificationPlan> {
    const handler = this.handlers.get(event.type);
    if (!handler) {
      this.logger.warn(`no handler for event ${event.type}`);
      return NOTHING;
    }
    const plan = await handler.plan(manager, {
      id: event.id,
      type: event.type,
      payload: event.payload,
      actorId: event.actor_id,
    });
    const seen = new Set<string>();
    const planned = plan.planned.filter(
      (p) => p.userId !== event.actor_id && !seen.has(p.userId) && seen.add(p.userId),
    );
    return { ...plan, planned };
  }

  private async filterBySettings(manager: EntityManager, planned: Planned[]): Promise<Planned[]> {
    if (!planned.length) return planned;
    const rows: { user_id: string; disabled_kinds: string[] }[] = await manager.query(
      `SELECT user_id, disabled_kinds FROM notification_settings WHERE user_id = ANY($1::uuid[])`,
      [planned.map((p) => p.userId)],
    );
    const disabled = new Map(rows.map((r) => [r.user_id, new Set(r.disabled_kinds)]));
    return planned.filter((p) => !disabled.get(p.userId)?.has(p.kind));
  }

  /** Sends one e-mail per stored notification to recipients who chose IMMEDIATE delivery. */
  private async mailImmediate(rows: NotificationRow[]): Promise<void> {
    const recipients: { id: string; email: string }[] = await this.dataSource.query(
      `SELECT u.id, u.email FROM users u JOIN notification_settings s ON s.user_id = u.id WHERE s.email_delivery = 'IMMEDIATE' AND u.id = ANY($1::uuid[])`,
      [rows.map((r) => r.user_id)],
    );
    const emails = new Map(recipients.map((r) => [r.id, r.email]));
    for (const row of rows) {
      const to = emails.get(row.user_id);
      if (!to) continue;
      await this.mailer.send({
        to,
        subject: `[Concerto] ${row.title}`,
        text: `${row.body}\n\n${this.config.PUBLIC_URL}${row.link}`,
      });
      await this.dataSource.query(`UPDATE notifications SET emailed_at = now() WHERE id = $1`, [
        row.id,
      ]);
    }
  }

  /**
   * Sends the daily digest to users who chose DIGEST: one e-mail with their notifications not
   * yet e-mailed, at most once per 24 h. Called hourly by the module.
   * @returns the number of digests sent
   */
  async sendDigests(): Promise<number> {
    const users: { id: string; email: string }[] = await this.dataSource.query(
      `SELECT u.id, u.email FROM users u JOIN notification_settings s ON s.user_id = u.id
        WHERE s.email_delivery = 'DIGEST' AND (s.last_digest_at IS NULL OR s.last_digest_at < now() - interval '24 hours')`,
    );
    let sent = 0;
    for (const user of users) {
      const rows: LiveNotification[] = (
        await this.dataSource.query(
          `SELECT id, sequence, user_id, kind, title, body, link, created_at, read_at FROM notifications n WHERE user_id = $1 AND emailed_at IS NULL AND ${NOT_WITHDRAWN} ORDER BY sequence`,
          [user.id],
        )
      ).map(toLiveNotification);
      if (rows.length) {
        await this.mailer.send({
          to: user.email,
          subject: `[Concerto] ${rows.length === 1 ? '1 notification' : `${rows.length} notifications`}`,
          text: rows
            .map((n) => `- ${n.title} : ${n.body}\n  ${this.config.PUBLIC_URL}${n.link}`)
            .join('\n'),
        });
        await this.dataSource.query(
          `UPDATE notifications SET emailed_at = now() WHERE id = ANY($1::uuid[])`,
          [rows.map((n) => n.id)],
        );
        sent++;
      }
      await this.dataSource.query(
        `UPDATE notification_settings SET last_digest_at = now() WHERE user_id = $1`,
        [user.id],
      );
    }
    return sent;
  }
}
