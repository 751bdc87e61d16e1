import { OpenDataService } from '../open-data/open-data.service';
import { ContentVisibility } from './content-visibility';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, pgConstraint, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { ResourceHosts } from '../../platform/component-registry';
import { ActionLogService } from '../action-log/action-log.service';
import { SessionService } from '../auth/session.service';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { UserAccountService } from '../user/user-account.service';
import { UserBlockDto } from './dtos/user-block.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface BlockRow {
  id: string;
  user_id: string;
  user_name: string;
  reason: string;
  created_at: Date;
  blocked_by_name: string | null;
  lifted_at: Date | null;
  hidden_count: number;
}

const BLOCKS_SQL = `SELECT b.id, b.user_id, u.name AS user_name, b.reason, b.created_at, bb.name AS blocked_by_name,
       b.lifted_at, (SELECT count(*) FROM moderations m WHERE m.user_block_id = b.id)::int AS hidden_count
  FROM user_blocks b JOIN users u ON u.id = b.user_id LEFT JOIN users bb ON bb.id = b.blocked_by_id`;

const toDto = (r: BlockRow): UserBlockDto => ({
  id: r.id,
  userId: r.user_id,
  userName: r.user_name,
  reason: r.reason,
  blockedAt: r.created_at,
  blockedByName: r.blocked_by_name,
  liftedAt: r.lifted_at,
  hiddenCount: r.hidden_count,
});

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/**
 * Blocking accounts (Decidim's « Bloquer l’utilisateur », `Decidim::Admin::BlockUser`): an
 * organization administrator blocks an account with a reason, and in one transaction, under a
 * lock on the account's row —
 * - the account is marked blocked (`users.blocked_at`, through the user module): it can no
 *   longer sign in (password or OpenID Connect) and a session it still holds is no longer
 *   recognised, so it cannot contribute anything new;
 * - its sessions are revoked (through the auth module) and their sockets disconnected after commit;
 * - every contribution it wrote that a reportable host lists (`reports.authoredBy`: proposals,
 *   comments, petitions, ideas, debate statements, meetings…) and that is not already hidden
 *   is hidden, its moderation row marked with the block (`moderations.user_block_id`);
 * - a line with the reason goes to the action log.
 * Lifting the block shows again exactly what the block hid, except what reports would hide on
 * their own (open reports at the host's threshold), and lets the account sign in again.
 * One block in force per account is held by the partial unique index `user_blocks_in_force`.
 */
@Injectable()
export class UserBlockService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actionLog: ActionLogService,
    private readonly hosts: ResourceHosts,
    private readonly accounts: UserAccountService,
    private readonly sessions: SessionService,
    private readonly events: DomainEventOutbox,
    private readonly openData: OpenDataService,
    private readonly visibility: ContentVisibility,
  ) {}

  /**
   * Blocks an account. Callers: organization administrators (checked by the resolver's policy).
   * @param userId the account to block
   * @param reason why (10–1,000 characters, validated by the input)
   * @param byUserId the administrator blocking (written in the block and the action log)
   * @returns the block in force, with the number of contributions it hid
   * @throws BAD_USER_INPUT `userId` is not a UUID; FORBIDDEN (`reason: 'SELF'`) one's own
   *         account, (`reason: 'ADMIN'`) an organization administrator's account; NOT_FOUND no
   *         live account; CONFLICT (`reason: 'ALREADY_BLOCKED'`) it is blocked already
   */
  async block(userId: string, reason: string, byUserId: string): Promise<UserBlockDto> {
    if (!UUID.test(userId))
      throw DomainError.badInput('Identifiant invalide.', { field: 'userId' }).inEnglish(
        'Invalid identifier.',
      );
    if (userId.toLowerCase() === byUserId.toLowerCase())
      throw DomainError.forbidden('Vous ne pouvez pas bloquer votre propre compte.', {
        reason: 'SELF',
      }).inEnglish('You cannot block your own account.');
    let blockId: string;
    try {
      blockId = await inTransaction(this.dataSource, async (manager) => {
        const account = await this.accounts.lockForModeration(manager, userId);
        if (!account)
          throw DomainError.notFound('Compte', { id: userId }).inEnglish('Account not found.');
        if (account.isAdmin)
          throw DomainError.forbidden(
            'Un compte administrateur ne peut pas être bloqué : retirez-lui d’abord ce rôle.',
            { reason: 'ADMIN' },
          ).inEnglish('An administrator account cannot be blocked: remove that role first.');
        if (account.blockedAt) throw alreadyBlocked();
        const [block]: { id: string }[] = await manager.query(
          `INSERT INTO user_blocks (user_id, blocked_by_id, reason) VALUES ($1, $2, $3) RETURNING id`,
          [userId, byUserId, reason],
        );
        await this.accounts.setBlocked(manager, userId, true);
        const revoked = await this.sessions.revokeAllInTransaction(manager, userId);
        for (const sessionId of revoked)
          await this.events.record(manager, 'session.revoked', { sessionId, userId }, userId);
        const hidden = await this.hideContributions(manager, userId, block.id);
        await this.actionLog.record(manager, {
          userId: byUserId,
          action: 'block_user',
          resourceType: 'user',
          resourceId: userId,
          visibility: 'ADMIN_ONLY',
          summary: `Compte bloqué (${plural(hidden, 'contribution masquée', 'contributions masquées')}) : ${reason}`,
        });
        return block.id;
      });
    } catch (error) {
      if (pgConstraint(error) === 'user_blocks_in_force') throw alreadyBlocked();
      throw error;
    }
    this.events.committed();
    this.openData.markWithdrawn(); // what it wrote leaves /open-data.zip within a minute
    return this.read(`b.id = $1`, [blockId]).then((rows) => rows[0]);
  }

  /**
   * Lifts the block in force on an account. Callers: organization administrators.
   * @param userId the blocked account
   * @param byUserId the administrator lifting it (written in the block and the action log)
   * @returns the lifted block (`liftedAt` set, `hiddenCount` 0)
   * @throws BAD_USER_INPUT `userId` is not a UUID; NOT_FOUND no live account; CONFLICT
   *         (`reason: 'NOT_BLOCKED'`) no block is in force
   */
  async unblock(userId: string, byUserId: string): Promise<UserBlockDto> {
    if (!UUID.test(userId))
      throw DomainError.badInput('Identifiant invalide.', { field: 'userId' }).inEnglish(
        'Invalid identifier.',
      );
    const blockId = await inTransaction(this.dataSource, async (manager) => {
      const account = await this.accounts.lockForModeration(manager, userId);
      if (!account)
        throw DomainError.notFound('Compte', { id: userId }).inEnglish('Account not found.');
      const [block] = await queryRows<{ id: string }>(
        manager,
        `UPDATE user_blocks SET lifted_at = now(), lifted_by_id = $2 WHERE user_id = $1 AND lifted_at IS NULL RETURNING id`,
        [userId, byUserId],
      );
      if (!block)
        throw DomainError.conflict('Ce compte n’est pas bloqué.', {
          reason: 'NOT_BLOCKED',
        }).inEnglish('This account is not blocked.');
      await this.accounts.setBlocked(manager, userId, false);
      const shown = await this.showContributions(manager, block.id);
      await this.actionLog.record(manager, {
        userId: byUserId,
        action: 'unblock_user',
        resourceType: 'user',
        resourceId: userId,
        visibility: 'ADMIN_ONLY',
        summary: `Compte débloqué (${plural(shown, 'contribution rétablie', 'contributions rétablies')})`,
      });
      return block.id;
    });
    return this.read(`b.id = $1`, [blockId]).then((rows) => rows[0]);
  }

  /**
   * The blocks in force, newest first. Callers: organization administrators.
   * @returns at most 500 blocks
   */
  async inForce(): Promise<UserBlockDto[]> {
    return this.read(`b.lifted_at IS NULL`, [], 'ORDER BY b.created_at DESC, b.id LIMIT 500');
  }

  /**
   * The block in force on an account, or null. Callers: organization administrators.
   * @throws BAD_USER_INPUT `userId` is not a UUID
   */
  async inForceOn(userId: string): Promise<UserBlockDto | null> {
    if (!UUID.test(userId))
      throw DomainError.badInput('Identifiant invalide.', { field: 'userId' }).inEnglish(
        'Invalid identifier.',
      );
    const [block] = await this.read(`b.user_id = $1 AND b.lifted_at IS NULL`, [userId]);
    return block ?? null;
  }

  private async read(where: string, params: unknown[], tail = ''): Promise<UserBlockDto[]> {
    const rows: BlockRow[] = await this.dataSource.query(
      `${BLOCKS_SQL} WHERE ${where} ${tail}`,
      params,
    );
    return rows.map(toDto);
  }

  /** Hides what the account wrote and is not hidden yet, marking each moderation row with the block. @returns how many */
  private async hideContributions(
    manager: EntityManager,
    userId: string,
    blockId: string,
  ): Promise<number> {
    let hidden = 0;
    for (const host of this.hosts.taking('reports')) {
      if (!host.reports.authoredBy) continue;
      for (const id of await host.reports.authoredBy(manager, userId)) {
        const resource = await host.reference(id, manager);
        // already hidden (by reports, a moderator, or waiting for review): not the block's to show again
        if (!resource || resource.hidden) continue;
        const marked: unknown[] = await manager.query(
          `INSERT INTO moderations (reportable_type, reportable_id, space_id, component_id, hidden_at, user_block_id)
           VALUES ($1, $2, $3, $4, now(), $5)
           ON CONFLICT (reportable_type, reportable_id) DO UPDATE SET hidden_at = now(), user_block_id = $5, updated_at = now()
            WHERE moderations.hidden_at IS NULL
           RETURNING id`,
          [host.type, id, resource.spaceId, resource.componentId, blockId],
        );
        if (!marked.length) continue;
        await this.visibility.set(manager, host, id, true);
        hidden += 1;
      }
    }
    return hidden;
  }

  /** Shows again what the block hid, unless its open reports reach the host's threshold. @returns how many were shown */
  private async showContributions(manager: EntityManager, blockId: string): Promise<number> {
    const rows: {
      id: string;
      reportable_type: string;
      reportable_id: string;
      report_count: number;
    }[] = await manager.query(
      `SELECT id, reportable_type, reportable_id, report_count FROM moderations WHERE user_block_id = $1 ORDER BY id FOR UPDATE`,
      [blockId],
    );
    let shown = 0;
    for (const row of rows) {
      const host = this.hosts.require(row.reportable_type, 'reports', 'resourceType');
      const resource = await host.reference(row.reportable_id, manager);
      const reported =
        resource !== null && row.report_count >= host.reports.hideThreshold(resource);
      if (resource && !reported) {
        await this.visibility.set(manager, host, row.reportable_id, false);
        shown += 1;
      }
      await manager.query(
        `UPDATE moderations SET user_block_id = NULL, hidden_at = CASE WHEN $2 THEN hidden_at END, updated_at = now() WHERE id = $1`,
        [row.id, reported],
      );
    }
    return shown;
  }
}

const alreadyBlocked = () =>
  DomainError.conflict('Ce compte est déjà bloqué.', { reason: 'ALREADY_BLOCKED' }).inEnglish(
    'This account is already blocked.',
  );
