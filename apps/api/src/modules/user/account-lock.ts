import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';

/**
 * Holds a share lock on a live account's row until the caller's transaction ends, so that an
 * account deletion (which locks the row for update, then erases memberships, exports,
 * sessions…) cannot interleave with a write made for that account: either the write commits
 * first and the deletion then erases it, or the write waits and finds the account deleted.
 * (Writes keyed on someone else's account by e-mail — adding a member, giving a role — take
 * the same lock in `ParticipatorySpaceService`.)
 * @param manager the caller's transaction
 * @param userId the account
 * @throws UNAUTHENTICATED the account is deleted (or does not exist)
 */
export async function lockActiveAccount(manager: EntityManager, userId: string): Promise<void> {
  const rows: unknown[] = await manager.query(
    `SELECT id FROM users WHERE id = $1 AND deleted_at IS NULL FOR SHARE`,
    [userId],
  );
  if (!rows.length) throw DomainError.unauthenticated();
}
