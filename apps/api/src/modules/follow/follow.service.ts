import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import type { FollowableType } from './follow.entity';
import { visibleToUserSql } from '../participatory-space/space-access.service';

/** Followable kinds with a visible-resource check and, for proposals, a follows counter. */
// $1 the resource, $2 the follower: content of an unpublished space or component exists only for its admins and moderators
const FOLLOWABLES: Partial<Record<FollowableType, { exists: string; counter?: string }>> = {
  PROPOSAL: {
    exists: `SELECT 1 FROM proposals p JOIN components c ON c.id = p.component_id
              WHERE p.id = $1 AND p.hidden_at IS NULL AND ${visibleToUserSql('c.space_id', '$2', 'c.id')}`,
    counter: 'proposals',
  },
  SPACE: { exists: `SELECT 1 FROM participatory_spaces s WHERE s.id = $1 AND ${visibleToUserSql('s.id', '$2')}` },
};

/**
 * Follows (Suivi): what a user watches. Authors follow their proposals, supporters and
 * commenters follow what they support or comment; the notifications feature reads follows.
 * `proposals.follows_count` changes in the same transaction as the follow row.
 */
@Injectable()
export class FollowService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Follows a resource (idempotent).
   * @returns true
   * @throws BAD_USER_INPUT unsupported type; NOT_FOUND unknown or hidden resource, or in an unpublished space or component (except for its admins and moderators)
   */
  async follow(viewer: Viewer, type: FollowableType, id: string): Promise<boolean> {
    const spec = FOLLOWABLES[type];
    if (!spec) throw DomainError.badInput(`Ce type de contenu ne peut pas être suivi : ${type}`, { field: 'followableType' });
    await inTransaction(this.dataSource, async (manager) => {
      if (!(await manager.query(spec.exists, [id, viewer.user.id])).length) throw DomainError.notFound('Contenu', { id });
      await this.followInTransaction(manager, viewer.user.id, type, id);
    });
    return true;
  }

  /** Stops following a resource (idempotent). @returns true */
  async unfollow(viewer: Viewer, type: FollowableType, id: string): Promise<boolean> {
    await inTransaction(this.dataSource, async (manager) => {
      const removed = await queryRows(manager, `DELETE FROM follows WHERE user_id = $1 AND followable_type = $2 AND followable_id = $3 RETURNING 1`, [viewer.user.id, type, id]);
      const counter = FOLLOWABLES[type]?.counter;
      if (removed.length && counter) await manager.query(`UPDATE ${counter} SET follows_count = follows_count - 1 WHERE id = $1`, [id]);
    });
    return true;
  }

  /**
   * Adds a follow inside the caller's transaction; no-op when it exists.
   * @returns true when a follow was added
   */
  async followInTransaction(manager: EntityManager, userId: string, type: FollowableType, id: string): Promise<boolean> {
    const added = await manager.query(
      `INSERT INTO follows (user_id, followable_type, followable_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
      [userId, type, id],
    );
    const counter = FOLLOWABLES[type]?.counter;
    if (added.length && counter) await manager.query(`UPDATE ${counter} SET follows_count = follows_count + 1 WHERE id = $1`, [id]);
    return added.length > 0;
  }
}
