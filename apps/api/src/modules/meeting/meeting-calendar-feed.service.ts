import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { ActionLogService } from '../action-log/action-log.service';

/** A feed token: 32 random bytes, base64url (43 characters). */
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Private iCalendar feeds of users' registrations (« Mes rencontres » in a calendar app). A feed
 * is reached by a URL holding a random token: only its SHA-256 is stored, so the URL is shown once,
 * when it is made; rotating it makes a new one (the old URL stops working), revoking it removes it.
 * One feed per user (the table's primary key), so concurrent rotations leave exactly one token.
 */
@Injectable()
export class MeetingCalendarFeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actionLog: ActionLogService,
    private readonly config: AppConfig,
  ) {}

  /** The caller's feed, without its URL (not stored). Caller: the signed-in user. @returns null when none */
  async status(viewer: Viewer): Promise<{ createdAt: Date } | null> {
    const [row] = await queryRows<{ created_at: Date }>(
      this.dataSource.manager,
      `SELECT created_at FROM meeting_calendar_feeds WHERE user_id = $1`,
      [viewer.user.id],
    );
    return row ? { createdAt: row.created_at } : null;
  }

  /**
   * Makes the caller's feed, or replaces its token (the previous URL then answers 404).
   * Caller: the signed-in user. @returns the feed's URL (shown once) and when it was made
   */
  async rotate(viewer: Viewer): Promise<{ url: string; createdAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const createdAt = await inTransaction(this.dataSource, async (manager) => {
      const [row] = await queryRows<{ created_at: Date }>(
        manager,
        `INSERT INTO meeting_calendar_feeds (user_id, token_hash) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now() RETURNING created_at`,
        [viewer.user.id, hashOf(token)],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'rotate_calendar_feed',
        resourceType: 'meeting_calendar_feed',
        resourceId: null,
        visibility: 'PRIVATE',
        summary: 'Lien privé de l’agenda des rencontres renouvelé',
      });
      return row.created_at;
    });
    return {
      url: `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/calendar/feeds/${token}.ics`,
      createdAt,
    };
  }

  /** Removes the caller's feed (its URL answers 404). Caller: the signed-in user. @returns whether there was one */
  async revoke(viewer: Viewer): Promise<boolean> {
    return inTransaction(this.dataSource, async (manager) => {
      const gone = await queryRows<{ user_id: string }>(
        manager,
        `DELETE FROM meeting_calendar_feeds WHERE user_id = $1 RETURNING user_id`,
        [viewer.user.id],
      );
      if (gone.length) {
        await this.actionLog.record(manager, {
          userId: viewer.user.id,
          action: 'revoke_calendar_feed',
          resourceType: 'meeting_calendar_feed',
          resourceId: null,
          visibility: 'PRIVATE',
          summary: 'Lien privé de l’agenda des rencontres révoqué',
        });
      }
      return gone.length > 0;
    });
  }

  /**
   * The user a feed token belongs to.
   * @throws NOT_FOUND malformed, unknown, rotated or revoked token (all alike)
   */
  async ownerOf(token: string): Promise<string> {
    if (!FEED_TOKEN_PATTERN.test(token))
      throw DomainError.notFound('Calendrier').inEnglish('Calendar not found.');
    const [row] = await queryRows<{ user_id: string }>(
      this.dataSource.manager,
      `SELECT user_id FROM meeting_calendar_feeds WHERE token_hash = $1`,
      [hashOf(token)],
    );
    if (!row) throw DomainError.notFound('Calendrier').inEnglish('Calendar not found.');
    return row.user_id;
  }
}
