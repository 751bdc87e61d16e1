import { LiveNotification, NotificationKind } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import {
  NotificationConnectionDto,
  NotificationSettingsDto,
  NotificationSettingsInput,
} from './dtos/notification.dto';

/** A notifications row as SQL returns it. */
export interface NotificationRow {
  id: string;
  sequence: string | number;
  user_id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  created_at: Date;
  read_at: Date | null;
}

/** Maps a row to the shape sent over Socket.IO and GraphQL. */
export function toLiveNotification(row: NotificationRow): LiveNotification {
  return {
    id: row.id,
    kind: row.kind,
    sequence: Number(row.sequence),
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
  };
}

const COLUMNS = `id, sequence, user_id, kind, title, body, link, created_at, read_at`;

/**
 * SQL condition on a notification row aliased `n`: none of what its event is about is withdrawn
 * (hidden by moderation; `notification_subjects`).
 */
export const NOT_WITHDRAWN = `NOT EXISTS (SELECT 1 FROM notification_subjects s WHERE s.event_id = n.event_id AND s.withdrawn_at IS NOT NULL)`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids one `markNotificationsRead` call takes at most (a catch-up page holds 500). */
const MARK_READ_MAX_IDS = 500;

/** A user's inbox, unread count, read marks and notification settings. */
@Injectable()
export class NotificationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A page of the user's notifications, newest first.
   * @param first 1–100; @param after a cursor (the `sequence` of the last item seen); @param unreadOnly only unread ones
   * @throws BAD_USER_INPUT bad size or cursor
   */
  async inbox(
    userId: string,
    first: number,
    after: string | undefined,
    unreadOnly: boolean,
  ): Promise<NotificationConnectionDto> {
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw DomainError.badInput('first doit être entre 1 et 100.', { field: 'first' }).inEnglish(
        'first must be between 1 and 100.',
      );
    if (after !== undefined && !/^\d{1,18}$/.test(after))
      throw DomainError.badInput('Curseur invalide.', { field: 'after' }).inEnglish(
        'Invalid cursor.',
      );
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications n WHERE user_id = $1 AND ${NOT_WITHDRAWN} ${unreadOnly ? 'AND read_at IS NULL' : ''} ${after ? 'AND sequence < $3' : ''}
        ORDER BY sequence DESC LIMIT $2`,
      after ? [userId, first + 1, after] : [userId, first + 1],
    );
    const page = rows.slice(0, first).map(toLiveNotification);
    return {
      edges: page.map((n) => ({ cursor: String(n.sequence), node: n })),
      hasNextPage: rows.length > first,
      endCursor: page.length ? String(page[page.length - 1].sequence) : null,
    };
  }

  /**
   * Withdraws (or brings back) the notifications of every event about a resource, in the
   * caller's transaction: called by moderation when it hides or shows the resource again.
   * @returns how many event subjects changed
   */
  async withdraw(
    manager: EntityManager,
    type: string,
    id: string,
    withdrawn: boolean,
  ): Promise<number> {
    const rows = await queryRows(
      manager,
      `UPDATE notification_subjects SET withdrawn_at = CASE WHEN $3 THEN now() END
        WHERE resource_type = $1 AND resource_id = $2 AND (withdrawn_at IS NOT NULL) <> $3 RETURNING 1`,
      [type, id, withdrawn],
    );
    return rows.length;
  }

  /** Number of unread notifications (counted by PostgreSQL). */
  async unreadCount(userId: string): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*) AS n FROM notifications n WHERE user_id = $1 AND read_at IS NULL AND ${NOT_WITHDRAWN}`,
      [userId],
    );
    return Number(n);
  }

  /**
   * Marks notifications read: the given ids (the user's own only), or all when `ids` is null.
   * @returns the unread count afterwards
   * @throws BAD_USER_INPUT malformed id, or more than 500 ids (the inbox's page; omit `ids` to mark all)
   */
  async markRead(userId: string, ids: string[] | null): Promise<number> {
    if (ids && ids.length > MARK_READ_MAX_IDS)
      throw DomainError.badInput(
        `ids : ${MARK_READ_MAX_IDS} au plus (sans ids, tout est marqué lu).`,
        { field: 'ids' },
      ).inEnglish(`At most ${MARK_READ_MAX_IDS} (without ids, everything is marked as read).`);
    if (ids && ids.some((id) => !UUID.test(id)))
      throw DomainError.badInput('Identifiant invalide.', { field: 'ids' }).inEnglish(
        'Invalid identifier.',
      );
    await queryRows(
      this.dataSource.manager,
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL ${ids ? 'AND id = ANY($2::uuid[])' : ''}`,
      ids ? [userId, ids] : [userId],
    );
    return this.unreadCount(userId);
  }

  /**
   * Notifications created after `afterId` (exclusive), oldest first, at most 500 — what a
   * reconnecting client missed. With `afterId` null: the unread ones.
   * @throws BAD_USER_INPUT unknown or foreign id
   */
  async since(userId: string, afterId: string | null): Promise<LiveNotification[]> {
    if (afterId === null) {
      const rows: NotificationRow[] = await this.dataSource.query(
        `SELECT ${COLUMNS} FROM notifications n WHERE user_id = $1 AND read_at IS NULL AND ${NOT_WITHDRAWN} ORDER BY sequence LIMIT 500`,
        [userId],
      );
      return rows.map(toLiveNotification);
    }
    if (!UUID.test(afterId))
      throw DomainError.badInput('Identifiant invalide.').inEnglish('Invalid identifier.');
    const anchor = await this.dataSource.query(
      `SELECT sequence FROM notifications WHERE id = $1 AND user_id = $2`,
      [afterId, userId],
    );
    if (!anchor.length)
      throw DomainError.badInput('Notification inconnue.').inEnglish('Unknown notification.');
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications n WHERE user_id = $1 AND sequence > $2 AND ${NOT_WITHDRAWN} ORDER BY sequence LIMIT 500`,
      [userId, anchor[0].sequence],
    );
    return rows.map(toLiveNotification);
  }

  /** The user's settings (defaults: every kind on, no e-mail). */
  async settings(userId: string): Promise<NotificationSettingsDto> {
    const rows = await this.dataSource.query(
      `SELECT disabled_kinds, email_delivery FROM notification_settings WHERE user_id = $1`,
      [userId],
    );
    return rows.length
      ? { disabledKinds: rows[0].disabled_kinds, emailDelivery: rows[0].email_delivery }
      : { disabledKinds: [], emailDelivery: 'NONE' };
  }

  /** Changes the user's settings; absent fields stay as they are. */
  async updateSettings(
    userId: string,
    input: NotificationSettingsInput,
  ): Promise<NotificationSettingsDto> {
    const current = await this.settings(userId);
    const next = {
      disabledKinds: input.disabledKinds ?? current.disabledKinds,
      emailDelivery: input.emailDelivery ?? current.emailDelivery,
    };
    await this.dataSource.query(
      `INSERT INTO notification_settings (user_id, disabled_kinds, email_delivery) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET disabled_kinds = EXCLUDED.disabled_kinds, email_delivery = EXCLUDED.email_delivery, updated_at = now()`,
      [userId, [...new Set(next.disabledKinds)], next.emailDelivery],
    );
    return next;
  }
}
