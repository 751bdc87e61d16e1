import { DELETED_PARTICIPANT_NAME } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../common/database/unit-of-work';

/**
 * Writes to an account row (`users`) that other modules ask for: password change and reset,
 * e-mail confirmation, the anonymous tombstone of a deleted account. Each write runs in the
 * caller's transaction (its `manager`), so it commits or rolls back with the caller's other
 * writes (sessions revoked, tokens spent, action log…).
 */
@Injectable()
export class UserAccountService {
  /**
   * Replaces a live account's password hash only if it is still `expectedHash`
   * (compare-and-set: two simultaneous changes cannot both win).
   * @param manager the caller's transaction
   * @param userId the account
   * @param expectedHash the hash the caller verified the current password against
   * @param newHash the new argon2id hash
   * @returns false when the stored hash is no longer `expectedHash` (nothing changed)
   */
  async replacePasswordHash(
    manager: EntityManager,
    userId: string,
    expectedHash: string,
    newHash: string,
  ): Promise<boolean> {
    const updated = await queryRows(
      manager,
      `UPDATE users SET password_hash = $3, updated_at = now() WHERE id = $1 AND password_hash = $2 RETURNING id`,
      [userId, expectedHash, newHash],
    );
    return updated.length > 0;
  }

  /**
   * Sets a live account's password after a reset link: the new hash, and the address counts as
   * confirmed (the link reached it).
   * @param manager the caller's transaction
   * @param userId the account
   * @param newHash the new argon2id hash
   * @returns false when the account is deleted or does not exist (nothing changed)
   */
  async resetPasswordHash(
    manager: EntityManager,
    userId: string,
    newHash: string,
  ): Promise<boolean> {
    const updated = await queryRows(
      manager,
      `UPDATE users SET password_hash = $2, email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
      [userId, newHash],
    );
    return updated.length > 0;
  }

  /**
   * Marks a live account's e-mail address as confirmed (kept as is when already confirmed).
   * @param manager the caller's transaction
   * @param userId the account
   * @returns false when the account is deleted or does not exist (nothing changed)
   */
  async confirmEmail(manager: EntityManager, userId: string): Promise<boolean> {
    const updated = await queryRows(
      manager,
      `UPDATE users SET email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
      [userId],
    );
    return updated.length > 0;
  }

  /**
   * Locks a live account's row for update in the caller's transaction (a block or its lifting):
   * sign-ins, which share-lock the row, wait for the caller to commit and then see the result.
   * @param manager the caller's transaction
   * @param userId the account (a UUID)
   * @returns its name, whether it is an organization administrator and since when it is
   *          blocked (null when not), or null when the account is deleted or does not exist
   */
  async lockForModeration(
    manager: EntityManager,
    userId: string,
  ): Promise<{ name: string; isAdmin: boolean; blockedAt: Date | null } | null> {
    const [row] = await queryRows<{ name: string; is_admin: boolean; blocked_at: Date | null }>(
      manager,
      `SELECT name, is_admin, blocked_at FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
      [userId],
    );
    return row ? { name: row.name, isAdmin: row.is_admin, blockedAt: row.blocked_at } : null;
  }

  /**
   * Marks a live account blocked (it can no longer sign in, and its sessions stop being
   * recognised) or not, in the caller's transaction, which has locked the row
   * ({@link lockForModeration}).
   * @param manager the caller's transaction
   * @param userId the account
   * @param blocked true to block, false to lift the block
   */
  async setBlocked(manager: EntityManager, userId: string, blocked: boolean): Promise<void> {
    await manager.query(
      `UPDATE users SET blocked_at = CASE WHEN $2 THEN coalesce(blocked_at, now()) END, updated_at = now() WHERE id = $1`,
      [userId, blocked],
    );
  }

  /**
   * Turns an account row into the anonymous tombstone of a deleted account (GDPR erasure): name
   * « Participant supprimé », no e-mail, no password, no admin flag, `deleted_at` set. The row
   * stays so contributions keep their author reference.
   * @param manager the caller's transaction (which has locked the row)
   * @param userId the account
   */
  async anonymise(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE users SET name = $2, email = NULL, password_hash = NULL, is_admin = false, locale = 'fr', deleted_at = now(), updated_at = now() WHERE id = $1`,
      [userId, DELETED_PARTICIPANT_NAME],
    );
  }
}
