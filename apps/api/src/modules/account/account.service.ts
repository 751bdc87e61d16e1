import { ErrorCode, passwordWeakness } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { ActionLogService } from '../action-log/action-log.service';
import { FRESH_SIGN_IN_MINUTES, SessionService } from '../auth/session.service';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { UserAccountService } from '../user/user-account.service';
import { PersonalDataContributors } from './personal-data-contributors';

const PASSWORD_MESSAGES = {
  tooShort: 'newPassword: au moins 10 caractères',
  tooLong: 'newPassword: 128 caractères au plus',
  tooSimple: 'newPassword: trop simple, variez les caractères',
} as const;

const PASSWORD_MESSAGES_EN = {
  tooShort: 'At least 10 characters.',
  tooLong: 'At most 128 characters.',
  tooSimple: 'Too simple: vary the characters.',
} as const;

const wrongPassword = () =>
  new DomainError(ErrorCode.WRONG_PASSWORD, 'Mot de passe actuel incorrect.', {
    field: 'password',
  }).inEnglish('The current password is incorrect.');

/**
 * Account security and the right to erasure (GDPR art. 17): change of password, deletion of
 * one's own account. Both confirm the current password (argon2id, like sign-in).
 */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actionLog: ActionLogService,
    private readonly events: DomainEventOutbox,
    private readonly contributors: PersonalDataContributors,
    private readonly sessions: SessionService,
    private readonly accounts: UserAccountService,
  ) {}

  /**
   * Changes the caller's password and revokes every other session of the account (their
   * sockets are disconnected after commit); the current session stays signed in. The new hash
   * replaces the one that was verified only if it is still the stored one (compare-and-set),
   * so two simultaneous changes cannot both win.
   * @param userId the signed-in user
   * @param sessionId the session making the request (kept)
   * @param currentPassword the password in use
   * @param newPassword the new password, under `AccountRules` (10–128 characters, not too simple)
   * @returns how many other sessions were revoked
   * @throws WRONG_PASSWORD the current password is wrong; BAD_USER_INPUT the new one is weak
   *         (`field: 'newPassword'`, `reason`); CONFLICT the password changed meanwhile
   */
  async changePassword(
    userId: string,
    sessionId: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<number> {
    const weakness = passwordWeakness(newPassword);
    if (weakness)
      throw DomainError.badInput(PASSWORD_MESSAGES[weakness], {
        field: 'newPassword',
        reason: weakness,
      }).inEnglish(PASSWORD_MESSAGES_EN[weakness]);
    const [user] = await this.dataSource.query(
      `SELECT password_hash FROM users WHERE id = $1 AND deleted_at IS NULL`,
      [userId],
    );
    if (!user) throw DomainError.unauthenticated();
    if (!(await argon2Verify(user.password_hash, currentPassword).catch(() => false)))
      throw wrongPassword();
    const newHash = await argon2Hash(newPassword);
    const revoked = await inTransaction(this.dataSource, async (manager) => {
      const updated = await this.accounts.replacePasswordHash(
        manager,
        userId,
        user.password_hash,
        newHash,
      );
      if (!updated)
        throw DomainError.conflict('Le mot de passe vient d’être changé par ailleurs.').inEnglish(
          'The password has just been changed elsewhere.',
        );
      const sessions = await this.sessions.revokeOthersInTransaction(manager, userId, sessionId);
      for (const id of sessions)
        await this.events.record(manager, 'session.revoked', { sessionId: id, userId }, userId);
      await this.actionLog.record(manager, {
        userId,
        action: 'change_password',
        resourceType: 'user',
        resourceId: userId,
        visibility: 'PRIVATE',
        summary: 'Changement de mot de passe',
      });
      return sessions.length;
    });
    this.events.committed();
    return revoked;
  }

  /**
   * Deletes the caller's account (GDPR right to erasure), in one transaction:
   * - removed: e-mail, name (replaced by "Participant supprimé"), password hash, sessions (their
   *   sockets are disconnected after commit), follows, notifications, notification settings,
   *   data exports, terms acceptances, space roles, organization admin flag, assembly invitations
   *   sent to the address or accepted by the account, survey respondent identity (`survey_submissions.user_id`
   *   set to null: answers stay in the results, unlinked);
   * - kept: the account row as an anonymous tombstone (`deleted_at`), so proposals, comments and
   *   amendments stay attributed to "Participant supprimé" and supports and votes stay counted
   *   (counters keep equal to rows; `proposals.follows_count` drops with the follows removed); assembly memberships end now (`left_at`) with the college
   *   dropped, their past votes kept; secret ballots stay unlinked (nothing here reads or writes
   *   a ballot). A new account may later register with the same e-mail.
   * @param userId the signed-in user
   * @param password the account's current password (ignored for an account without one, made
   *        through an OpenID Connect provider: its session must then be less than
   *        {@link FRESH_SIGN_IN_MINUTES} old)
   * @param sessionId the caller's session
   * @throws WRONG_PASSWORD wrong password (nothing changed); FORBIDDEN (`reason: 'REAUTHENTICATION_REQUIRED'`)
   *         an account without password whose session is older; CONFLICT the caller is the last
   *         organization administrator (`reason: 'LAST_ADMIN'`), decided under a lock on the
   *         administrators' rows so two admins cannot both leave
   */
  async deleteMyAccount(userId: string, password: string, sessionId: string): Promise<void> {
    // the password is checked before any lock (argon2 is slow on purpose); the transaction then
    // deletes only if the hash is still the one checked
    const [current] = await this.dataSource.query(
      `SELECT password_hash FROM users WHERE id = $1 AND deleted_at IS NULL`,
      [userId],
    );
    if (!current) throw DomainError.unauthenticated();
    if (current.password_hash === null) {
      // an account made through an OpenID Connect provider has no password: a fresh sign-in with it confirms
      if (!(await this.sessions.openedWithin(sessionId, FRESH_SIGN_IN_MINUTES))) {
        throw DomainError.forbidden(
          `Votre compte n’a pas de mot de passe\u202f: reconnectez-vous avec votre fournisseur d’identité, puis confirmez la suppression dans les ${FRESH_SIGN_IN_MINUTES} minutes.`,
          { reason: 'REAUTHENTICATION_REQUIRED' },
        ).inEnglish(
          `Your account has no password: sign in again with your identity provider, then confirm the deletion within ${FRESH_SIGN_IN_MINUTES} minutes.`,
        );
      }
    } else if (!(await argon2Verify(current.password_hash, password).catch(() => false)))
      throw wrongPassword();
    await inTransaction(this.dataSource, async (manager) => {
      // the administrators' rows first, in id order (as revokeOrganizationAdmin takes them), then
      // the account's own: one lock order, so simultaneous deletions and revocations cannot
      // deadlock (a tester got 500s from the opposite order). NO KEY UPDATE, not UPDATE: two
      // deletions or revocations still exclude each other, but an admin's concurrent write that
      // references their own row (action log, assembly member: FOR KEY SHARE through the foreign
      // key) does not wait on it — with FOR UPDATE, « add this person to the assembly » during
      // their deletion deadlocked (40P01, a 500)
      const admins: { id: string }[] = await manager.query(
        `SELECT id FROM users WHERE is_admin AND deleted_at IS NULL ORDER BY id FOR NO KEY UPDATE`,
      );
      const [user] = await manager.query(
        `SELECT password_hash, is_admin, email FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
        [userId],
      );
      if (!user) throw DomainError.unauthenticated();
      if (user.password_hash !== current.password_hash) throw wrongPassword(); // changed meanwhile
      if (user.is_admin && !admins.some((a) => a.id !== userId)) {
        throw DomainError.conflict(
          'Vous êtes le dernier administrateur : nommez-en un autre avant de supprimer votre compte.',
          { reason: 'LAST_ADMIN' },
        ).inEnglish(
          'You are the last administrator: appoint another one before deleting your account.',
        );
      }
      await this.erase(manager, userId, user.email);
    });
    this.events.committed();
  }

  /**
   * Removes the personal data of an account inside the caller's transaction (see
   * {@link deleteMyAccount}): each module's contributor erases its part, then the account row
   * becomes the tombstone « Participant supprimé ».
   */
  private async erase(manager: EntityManager, userId: string, email: string): Promise<void> {
    for (const contributor of this.contributors.all())
      await contributor.erase?.(manager, { id: userId, email });
    await manager.query(`DELETE FROM data_exports WHERE user_id = $1`, [userId]);
    await this.accounts.anonymise(manager, userId);
    await this.actionLog.record(manager, {
      userId,
      action: 'delete_account',
      resourceType: 'user',
      resourceId: userId,
      visibility: 'ADMIN_ONLY',
      summary: 'Suppression de compte',
    });
  }
}
