import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import type { StatementParameters } from '../../common/database/statement-parameters';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { ResourceHosts } from '../../platform/component-registry';
import type { FollowableType } from './follow.entity';

/**
 * Follows (Suivi): what a user watches. Authors follow their proposals, supporters and
 * commenters follow what they support or comment; notification handlers read the followers.
 * Knows followables only through their host adapters (`follows` part): a host that keeps a
 * follows counter moves it in the same transaction as the follow row.
 */
@Injectable()
export class FollowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hosts: ResourceHosts,
  ) {}

  /**
   * Follows a resource (idempotent).
   * @returns true
   * @throws BAD_USER_INPUT type not followable; NOT_FOUND unknown or hidden resource, or in an unpublished space or component (except for its admins and moderators)
   */
  async follow(viewer: Viewer, type: FollowableType, id: string): Promise<boolean> {
    const host = this.hosts.require(type, 'follows', 'followableType');
    await inTransaction(this.dataSource, async (manager) => {
      const resource = await host.locate(id, viewer, manager);
      if (resource.hidden)
        throw DomainError.notFound('Contenu', { id }).inEnglish('Content not found.');
      await this.followInTransaction(manager, viewer.user.id, type, id);
    });
    return true;
  }

  /** Stops following a resource (idempotent). @returns true */
  async unfollow(viewer: Viewer, type: FollowableType, id: string): Promise<boolean> {
    await inTransaction(this.dataSource, async (manager) => {
      const removed = await queryRows(
        manager,
        `DELETE FROM follows WHERE user_id = $1 AND followable_type = $2 AND followable_id = $3 RETURNING 1`,
        [viewer.user.id, type, id],
      );
      if (removed.length)
        await this.hosts
          .taking('follows')
          .find((h) => h.type === type)
          ?.follows.moveCount?.(manager, id, -1);
    });
    return true;
  }

  /**
   * Adds a follow inside the caller's transaction; no-op when it exists.
   * @returns true when a follow was added
   */
  async followInTransaction(
    manager: EntityManager,
    userId: string,
    type: FollowableType,
    id: string,
  ): Promise<boolean> {
    const added = await manager.query(
      `INSERT INTO follows (user_id, followable_type, followable_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
      [userId, type, id],
    );
    if (added.length)
      await this.hosts
        .taking('follows')
        .find((h) => h.type === type)
        ?.follows.moveCount?.(manager, id, 1);
    return added.length > 0;
  }

  /**
   * The follow of {@link followInTransaction} as one part of a caller's composed statement (a
   * `WITH` part): inserts the follow when `when` holds, a no-op when it exists, and returns one
   * row (`followable_id`) per follow added. The host's follows counter is NOT moved: the caller
   * is the host itself and moves its own counter in the same statement when the part returns a
   * row (see `SupportService`). For write paths that count their round trips.
   * @param params the statement's parameters; @param userId follower; @param type followable type
   * @param id followable id; @param from SQL `FROM … WHERE …` tail deciding whether to follow (e.g. on another part's result)
   * @returns the SQL of the part (an INSERT … RETURNING)
   */
  followStatement(
    params: StatementParameters,
    userId: string,
    type: FollowableType,
    id: string,
    from: string,
  ): string {
    return `INSERT INTO follows (user_id, followable_type, followable_id)
      SELECT ${params.add(userId, 'uuid')}, ${params.add(type, 'text')}, ${params.add(id, 'uuid')} ${from}
      ON CONFLICT DO NOTHING RETURNING followable_id`;
  }

  /** Who follows a resource (for notification handlers, inside their transaction). */
  async followersOf(manager: EntityManager, type: FollowableType, id: string): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT user_id FROM follows WHERE followable_type = $1 AND followable_id = $2`,
      [type, id],
    );
    return rows.map((r) => r.user_id);
  }

  /** Which of `ids` a user follows. */
  async followedAmong(userId: string, type: FollowableType, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { followable_id: string }[] = await this.dataSource.query(
      `SELECT followable_id FROM follows WHERE user_id = $1 AND followable_type = $2 AND followable_id = ANY($3::uuid[])`,
      [userId, type, ids],
    );
    return new Set(rows.map((r) => r.followable_id));
  }

  /** Removes a deleted account's follows, moving the hosts' counters (account deletion). */
  async forgetUser(manager: EntityManager, userId: string): Promise<void> {
    // queryRows: TypeORM answers a DELETE … RETURNING with [rows, count], not the rows
    const gone = await queryRows<{ followable_type: string; followable_id: string }>(
      manager,
      `DELETE FROM follows WHERE user_id = $1 RETURNING followable_type, followable_id`,
      [userId],
    );
    for (const row of gone)
      await this.hosts
        .taking('follows')
        .find((h) => h.type === row.followable_type)
        ?.follows.moveCount?.(manager, row.followable_id, -1);
  }
}
