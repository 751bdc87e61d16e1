import { DomainEventPayloads, DomainEventType, LiveNotification, NotificationKind, Rooms } from '@concerto/domain';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DrainLoop } from '../../common/background/drain-loop';
import { inTransaction } from '../../common/database/unit-of-work';
import { AppConfig } from '../../config/app-config';
import { DomainEventOutbox } from './domain-event-outbox';
import { MailerService } from './mailer.service';
import { NotificationGateway } from './notification.gateway';
import { toLiveNotification, NotificationRow } from './notification.service';

/** French label of an official answer's state, as written in a notification (never the enum value). */
const PROPOSAL_ANSWER_LABEL: Record<'ACCEPTED' | 'REJECTED', string> = { ACCEPTED: 'acceptée', REJECTED: 'rejetée' };

interface EventRow {
  id: string;
  type: DomainEventType;
  payload: any;
  actor_id: string | null;
}

/** One notification to write: recipient, kind, text and link. */
interface Planned {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
}

/** Live messages to broadcast after commit. */
interface Broadcast {
  room: string;
  event: 'proposal.supportsChanged' | 'comment.created' | 'amendment.changed' | 'motion.tallyChanged';
  payload: unknown;
}

/**
 * Turns committed domain events into notifications, pushes and e-mails. Runs after every
 * commit that recorded events (`DomainEventOutbox.committed`), every 5 s, and at start —
 * which catches up on events left by a crash. Each batch takes pending events with
 * `FOR UPDATE SKIP LOCKED` (several API processes never process the same event), writes the
 * notifications with `ON CONFLICT (user_id, event_id) DO NOTHING` (a re-run is harmless) and
 * marks the events processed in the same transaction; sockets and mails follow the commit.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
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
  ) {}

  onApplicationBootstrap(): void {
    this.unsubscribe = this.outbox.onCommitted(() => this.kick());
    this.timer = setInterval(() => this.kick(), 5000);
    this.timer.unref();
    this.digestTimer = setInterval(() => void this.sendDigests().catch((e) => this.logger.warn(`digest failed: ${(e as Error).message}`)), 3600_000);
    this.digestTimer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
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
        `SELECT id, type, payload, actor_id FROM domain_events WHERE processed_at IS NULL ORDER BY sequence LIMIT 100 FOR UPDATE SKIP LOCKED`,
      );
      const stored: NotificationRow[] = [];
      const broadcasts: Broadcast[] = [];
      const disconnects: string[] = [];
      for (const event of events) {
        const { planned, live, disconnect } = await this.plan(manager, event);
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
            [event.id, wanted.map((p) => p.userId), wanted.map((p) => p.kind), wanted.map((p) => p.title), wanted.map((p) => p.body), wanted.map((p) => p.link)],
          );
          stored.push(...rows);
        }
      }
      if (events.length) await manager.query(`UPDATE domain_events SET processed_at = now() WHERE id = ANY($1::uuid[])`, [events.map((e) => e.id)]);
      return { count: events.length, stored, broadcasts, disconnects };
    });
    for (const sessionId of result.disconnects) this.gateway.disconnectSession(sessionId);
    for (const row of result.stored) this.gateway.pushNotification(row.user_id, toLiveNotification(row));
    for (const b of result.broadcasts) this.gateway.broadcast(b.room, b.event as 'comment.created', b.payload as never);
    if (result.stored.length) await this.mailImmediate(result.stored).catch((error) => this.logger.warn(`mail failed: ${(error as Error).message}`));
    return result.count;
  }

  /** Recipients, texts and live messages of one event (rules in the module's TSDoc). */
  private async plan(manager: EntityManager, event: EventRow): Promise<{ planned: Planned[]; live: Broadcast[]; disconnect?: string[] }> {
    const actor = event.actor_id;
    const followers = async (type: string, id: string) =>
      ((await manager.query(`SELECT user_id FROM follows WHERE followable_type = $1 AND followable_id = $2`, [type, id])) as { user_id: string }[]).map((r) => r.user_id);
    const proposalLink = async (proposalId: string) => {
      const rows = await manager.query(
        `SELECT s.slug, p.component_id FROM proposals p JOIN components c ON c.id = p.component_id JOIN participatory_spaces s ON s.id = c.space_id WHERE p.id = $1`,
        [proposalId],
      );
      return rows.length ? `/espaces/${rows[0].slug}/f/${rows[0].component_id}/propositions/${proposalId}` : '/';
    };
    const componentLink = async (componentId: string) => {
      const rows = await manager.query(`SELECT s.slug FROM components c JOIN participatory_spaces s ON s.id = c.space_id WHERE c.id = $1`, [componentId]);
      return rows.length ? `/espaces/${rows[0].slug}/f/${componentId}` : '/';
    };
    const amendmentRooms = (p: { amendableType: string; amendableId: string; amendmentId: string; componentId: string }): Broadcast[] => {
      const payload = { amendableType: p.amendableType, amendableId: p.amendableId, amendmentId: p.amendmentId };
      return [
        { room: `${p.amendableType.toLowerCase()}:${p.amendableId}`, event: 'amendment.changed', payload },
        { room: Rooms.component(p.componentId), event: 'amendment.changed', payload },
      ];
    };
    /** The live tally of a motion: weighted counts, or only the number of voters while hidden until close. */
    const tally = async (motionId: string) => {
      const [row] = await manager.query(
        `SELECT m.hide_tally_until_closed AND (m.closes_at IS NULL OR now() < m.closes_at) AS hidden,
                coalesce(sum(b.weight) FILTER (WHERE b.choice = 'FOR'), 0)::float AS for_weight,
                coalesce(sum(b.weight) FILTER (WHERE b.choice = 'AGAINST'), 0)::float AS against_weight,
                coalesce(sum(b.weight) FILTER (WHERE b.choice = 'ABSTAIN'), 0)::float AS abstain_weight,
                (SELECT count(*) FROM motion_participations p WHERE p.motion_id = m.id)::int AS voters
           FROM motions m LEFT JOIN motion_ballots b ON b.motion_id = m.id WHERE m.id = $1 GROUP BY m.id`,
        [motionId],
      );
      if (!row) return { motionId, for: null, against: null, abstain: null, voters: 0 };
      return row.hidden
        ? { motionId, for: null, against: null, abstain: null, voters: row.voters }
        : { motionId, for: row.for_weight, against: row.against_weight, abstain: row.abstain_weight, voters: row.voters };
    };
    const unique = (planned: Planned[]) => {
      const seen = new Set<string>();
      return planned.filter((p) => p.userId !== actor && !seen.has(p.userId) && seen.add(p.userId));
    };
    switch (event.type) {
      case 'proposal.published': {
        const p = event.payload as DomainEventPayloads['proposal.published'];
        const link = await proposalLink(p.proposalId);
        const users = await followers('SPACE', p.spaceId);
        return { planned: unique(users.map((userId) => ({ userId, kind: NotificationKind.PROPOSAL_PUBLISHED, title: 'Nouvelle proposition', body: p.title, link }))), live: [] };
      }
      case 'proposal.answered': {
        const p = event.payload as DomainEventPayloads['proposal.answered'];
        const link = await proposalLink(p.proposalId);
        const author = await manager.query(`SELECT author_id FROM proposals WHERE id = $1 AND author_id IS NOT NULL`, [p.proposalId]);
        const users = [...author.map((r: { author_id: string }) => r.author_id), ...(await followers('PROPOSAL', p.proposalId))];
        return {
          planned: unique(users.map((userId) => ({ userId, kind: NotificationKind.PROPOSAL_ANSWERED, title: 'Réponse à une proposition', body: `${p.title} : ${PROPOSAL_ANSWER_LABEL[p.state]}`, link }))),
          live: [],
        };
      }
      case 'proposal.supportsChanged': {
        const p = event.payload as DomainEventPayloads['proposal.supportsChanged'];
        return {
          planned: [],
          live: [
            { room: Rooms.proposal(p.proposalId), event: 'proposal.supportsChanged', payload: p },
            { room: Rooms.component(p.componentId), event: 'proposal.supportsChanged', payload: p },
          ],
        };
      }
      case 'comment.created': {
        const p = event.payload as DomainEventPayloads['comment.created'];
        const link = p.commentableType === 'PROPOSAL' ? await proposalLink(p.commentableId) : '/';
        const planned: Planned[] = [];
        if (p.parentAuthorId) planned.push({ userId: p.parentAuthorId, kind: NotificationKind.COMMENT_REPLY, title: 'Réponse à votre commentaire', body: p.title, link });
        for (const userId of await followers(p.commentableType, p.commentableId)) {
          planned.push({ userId, kind: NotificationKind.COMMENT_CREATED, title: 'Nouveau commentaire', body: p.title, link });
        }
        const room = `${p.commentableType.toLowerCase()}:${p.commentableId}`;
        return {
          planned: unique(planned),
          live: [{ room, event: 'comment.created', payload: { commentableType: p.commentableType, commentableId: p.commentableId, commentId: p.commentId } }],
        };
      }
      case 'amendment.created': {
        const p = event.payload as DomainEventPayloads['amendment.created'];
        const link = p.amendableType === 'PROPOSAL' ? await proposalLink(p.amendableId) : await componentLink(p.componentId);
        const users = [...(p.amendableAuthorId ? [p.amendableAuthorId] : []), ...(await followers(p.amendableType, p.amendableId))];
        return {
          planned: unique(users.map((userId) => ({ userId, kind: NotificationKind.AMENDMENT_CREATED, title: 'Nouvel amendement', body: p.title, link }))),
          live: amendmentRooms(p),
        };
      }
      case 'amendment.stateChanged': {
        const p = event.payload as DomainEventPayloads['amendment.stateChanged'];
        const link = p.amendableType === 'PROPOSAL' ? await proposalLink(p.amendableId) : await componentLink(p.componentId);
        const verdict = p.state === 'ACCEPTED' ? 'Amendement accepté' : 'Amendement refusé';
        const planned: Planned[] = [];
        if (p.authorId) planned.push({ userId: p.authorId, kind: NotificationKind.AMENDMENT_STATE_CHANGED, title: verdict, body: p.title, link });
        for (const userId of p.outdatedAuthorIds) {
          planned.push({ userId, kind: NotificationKind.AMENDMENT_STATE_CHANGED, title: 'Votre amendement est à mettre à jour', body: p.title, link });
        }
        return { planned: unique(planned), live: amendmentRooms(p) };
      }
      case 'motion.lifecycle': {
        const p = event.payload as DomainEventPayloads['motion.lifecycle'];
        const link = await componentLink(p.componentId);
        if (p.kind === 'OPENED') {
          // caught up after the motion had already closed: its "closed" notification says enough
          const [closed] = await manager.query(`SELECT 1 FROM motions WHERE id = $1 AND closes_at <= now()`, [p.motionId]);
          if (closed) return { planned: [], live: [] };
        }
        const members = ((await manager.query(`SELECT user_id FROM assembly_members WHERE space_id = $1 AND left_at IS NULL`, [p.spaceId])) as { user_id: string }[]).map((r) => r.user_id);
        const users = [...members, ...(await followers('MOTION', p.motionId))];
        let kind: NotificationKind = NotificationKind.MOTION_OPENED;
        let title = 'Motion ouverte au vote';
        if (p.kind === 'CLOSING_SOON') {
          kind = NotificationKind.MOTION_CLOSING_SOON;
          title = 'Motion close dans moins d’une heure';
        } else if (p.kind === 'CLOSED') {
          kind = NotificationKind.MOTION_CLOSED;
          const [result] = await manager.query(`SELECT outcome FROM motion_results WHERE motion_id = $1`, [p.motionId]);
          const outcome: Record<string, string> = { ADOPTED: 'adoptée', REJECTED: 'rejetée', NO_QUORUM: 'sans quorum' };
          title = result ? `Motion close : ${outcome[result.outcome] ?? result.outcome}` : 'Motion close';
        }
        const payload = await tally(p.motionId);
        return {
          planned: unique(users.map((userId) => ({ userId, kind, title, body: p.title, link }))),
          live: [
            { room: Rooms.motion(p.motionId), event: 'motion.tallyChanged', payload },
            { room: Rooms.component(p.componentId), event: 'motion.tallyChanged', payload },
          ],
        };
      }
      case 'motion.voted': {
        const p = event.payload as DomainEventPayloads['motion.voted'];
        const payload = await tally(p.motionId);
        return {
          planned: [],
          live: [
            { room: Rooms.motion(p.motionId), event: 'motion.tallyChanged', payload },
            { room: Rooms.component(p.componentId), event: 'motion.tallyChanged', payload },
          ],
        };
      }
      case 'session.revoked': {
        const p = event.payload as DomainEventPayloads['session.revoked'];
        return { planned: [], live: [], disconnect: [p.sessionId] };
      }
      case 'dataExport.ready': {
        const p = event.payload as DomainEventPayloads['dataExport.ready'];
        const planned: Planned = {
          userId: p.userId,
          kind: NotificationKind.DATA_EXPORT_READY,
          title: 'Votre export de données est prêt',
          body: 'Téléchargeable une seule fois, pendant 7 jours, depuis « Mon compte ».',
          link: '/mon-compte',
        };
        return { planned: [planned], live: [] };
      }
      case 'survey.lifecycle': {
        const p = event.payload as DomainEventPayloads['survey.lifecycle'];
        const link = await componentLink(p.componentId);
        const users = await followers('SPACE', p.spaceId);
        const kind = p.kind === 'OPENED' ? NotificationKind.SURVEY_OPENED : NotificationKind.SURVEY_CLOSING;
        const title = p.kind === 'OPENED' ? 'Enquête ouverte' : 'Enquête close dans moins d’un jour';
        return { planned: unique(users.map((userId) => ({ userId, kind, title, body: p.title, link }))), live: [] };
      }
      default:
        this.logger.warn(`no rule for event ${event.type}`);
        return { planned: [], live: [] };
    }
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
      await this.mailer.send({ to, subject: `[Concerto] ${row.title}`, text: `${row.body}\n\n${this.config.PUBLIC_URL}${row.link}` });
      await this.dataSource.query(`UPDATE notifications SET emailed_at = now() WHERE id = $1`, [row.id]);
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
      const rows: LiveNotification[] = (await this.dataSource.query(
        `SELECT id, sequence, user_id, kind, title, body, link, created_at, read_at FROM notifications WHERE user_id = $1 AND emailed_at IS NULL ORDER BY sequence`,
        [user.id],
      )).map(toLiveNotification);
      if (rows.length) {
        await this.mailer.send({
          to: user.email,
          subject: `[Concerto] ${rows.length} notification(s)`,
          text: rows.map((n) => `- ${n.title} : ${n.body}\n  ${this.config.PUBLIC_URL}${n.link}`).join('\n'),
        });
        await this.dataSource.query(`UPDATE notifications SET emailed_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((n) => n.id)]);
        sent++;
      }
      await this.dataSource.query(`UPDATE notification_settings SET last_digest_at = now() WHERE user_id = $1`, [user.id]);
    }
    return sent;
  }
}
