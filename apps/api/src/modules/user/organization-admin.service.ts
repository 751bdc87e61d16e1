import { AccountRules } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmail } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { ActionLogQueryService } from '../action-log/action-log-query.service';
import { ActionLogService } from '../action-log/action-log.service';
import { OrganizationAdminDto } from './dtos/organization-admin.dto';

const notAdminAnyMore = () =>
  DomainError.forbidden('Vous n’êtes plus administrateur de l’organisation.').inEnglish(
    'You are no longer an administrator of the organization.',
  );

/**
 * Share-locks the caller's row and checks they are still an organization administrator: the
 * access guard checked it before the transaction, and a revocation may have committed since.
 * @throws FORBIDDEN the caller is no longer an administrator
 */
async function lockCallerAsAdmin(manager: EntityManager, userId: string): Promise<void> {
  const rows: unknown[] = await manager.query(
    `SELECT id FROM users WHERE id = $1 AND is_admin AND deleted_at IS NULL FOR SHARE`,
    [userId],
  );
  if (!rows.length) throw notAdminAnyMore();
}

/** Same answer whatever the reason (unknown, deleted): the e-mail's existence is not revealed beyond "no live account". */
const noSuchAccount = () => DomainError.notFound('Compte').inEnglish('Account not found.');

interface AdminRow {
  id: string;
  name: string;
  email: string;
  appointed_at: Date | null;
}

/**
 * Organization administrators (`users.is_admin`): who they are, appointing one, revoking one.
 * The rule "at least one administrator remains" is decided under row locks on every
 * administrator's row, taken in id order, the same locks as `AccountService.deleteMyAccount`,
 * so a revocation and an account deletion (or two revocations) cannot both remove the last ones.
 * Rights change on the next request: the access guard reads `is_admin` with the session on each one.
 */
@Injectable()
export class OrganizationAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actionLog: ActionLogService,
    private readonly actionLogQuery: ActionLogQueryService,
  ) {}

  /**
   * Lists the live organization administrators, by name.
   * @returns id, name, e-mail and the time of their last appointment (null when none was logged, e.g. the first admin)
   * Callers: organization admins (checked by the resolver's access policy).
   */
  async list(): Promise<OrganizationAdminDto[]> {
    const rows: Omit<AdminRow, 'appointed_at'>[] = await this.dataSource.query(
      `SELECT u.id, u.name, u.email FROM users u WHERE u.is_admin AND u.deleted_at IS NULL ORDER BY lower(u.name), u.id`,
    );
    const appointed = await this.actionLogQuery.lastActionTimes(
      'appoint_admin',
      'user',
      rows.map((r) => r.id),
    );
    return rows.map((r) => toDto({ ...r, appointed_at: appointed.get(r.id) ?? null }));
  }

  /**
   * Makes a live account an organization administrator, under a lock on its row (so a
   * concurrent deletion of that account waits, then erases the flag with the rest).
   * @param email the account's e-mail (case-insensitive, surrounding spaces ignored)
   * @param byUserId the administrator appointing (written in the action log)
   * @returns the new administrator
   * @throws BAD_USER_INPUT not an e-mail address (`field: 'email'`); NOT_FOUND no live account
   *         with that e-mail (same message for an unknown or deleted account); CONFLICT already an administrator;
   *         FORBIDDEN the caller was revoked meanwhile
   */
  async appoint(email: string, byUserId: string): Promise<OrganizationAdminDto> {
    const address = email.trim();
    if (address.length > AccountRules.emailMaxLength || !isEmail(address))
      throw DomainError.badInput('email: adresse e-mail invalide', { field: 'email' }).inEnglish(
        'Invalid email address.',
      );
    return inTransaction(this.dataSource, async (manager) => {
      await lockCallerAsAdmin(manager, byUserId);
      const [user] = await manager.query(
        `SELECT id, is_admin FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL FOR UPDATE`,
        [address],
      );
      if (!user) throw noSuchAccount();
      if (user.is_admin)
        throw DomainError.conflict('Ce compte est déjà administrateur de l’organisation.', {
          reason: 'ALREADY_ADMIN',
        }).inEnglish('This account is already an administrator of the organization.');
      const [row] = await queryRows<AdminRow>(
        manager,
        `UPDATE users SET is_admin = true, updated_at = now() WHERE id = $1 RETURNING id, name, email, now() AS appointed_at`,
        [user.id],
      );
      await this.actionLog.record(manager, {
        userId: byUserId,
        action: 'appoint_admin',
        resourceType: 'user',
        resourceId: user.id,
        visibility: 'ADMIN_ONLY',
        summary: 'Nomination d’un administrateur de l’organisation',
      });
      return toDto(row);
    });
  }

  /**
   * Removes a user's organization administrator flag; an administrator may revoke themselves
   * if another remains. Every administrator row is locked (`ORDER BY id FOR UPDATE`, as
   * `deleteMyAccount`) before counting, so two administrators revoking each other at once leave one.
   * @param userId the administrator to revoke
   * @param byUserId the administrator revoking (written in the action log)
   * @throws NOT_FOUND not a live organization administrator (an id that is not a UUID included);
   *         CONFLICT (`reason: 'LAST_ADMIN'`) they are the last one; FORBIDDEN the caller was
   *         revoked meanwhile
   */
  async revoke(userId: string, byUserId: string): Promise<boolean> {
    return inTransaction(this.dataSource, async (manager) => {
      const admins: { id: string }[] = await manager.query(
        `SELECT id FROM users WHERE is_admin AND deleted_at IS NULL ORDER BY id FOR NO KEY UPDATE`,
      );
      // the caller's right, decided under the same locks: of two administrators revoking each other, the second is no longer one
      if (!admins.some((a) => a.id === byUserId)) throw notAdminAnyMore();
      if (!admins.some((a) => a.id === userId))
        throw DomainError.notFound('Administrateur').inEnglish('Administrator not found.');
      if (admins.length < 2) {
        throw DomainError.conflict(
          'C’est le dernier administrateur de l’organisation : nommez-en un autre avant de le retirer.',
          { reason: 'LAST_ADMIN' },
        ).inEnglish(
          'This is the organization’s last administrator: appoint another one before removing them.',
        );
      }
      await manager.query(`UPDATE users SET is_admin = false, updated_at = now() WHERE id = $1`, [
        userId,
      ]);
      await this.actionLog.record(manager, {
        userId: byUserId,
        action: 'revoke_admin',
        resourceType: 'user',
        resourceId: userId,
        visibility: 'ADMIN_ONLY',
        summary: 'Retrait d’un administrateur de l’organisation',
      });
      return true;
    });
  }
}

function toDto(row: AdminRow): OrganizationAdminDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    appointedAt: row.appointed_at ? new Date(row.appointed_at) : null,
  };
}
