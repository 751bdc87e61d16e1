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
