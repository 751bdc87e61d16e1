import { passwordWeakness } from '@concerto/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash as argon2Hash } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { ActionLogService } from '../action-log/action-log.service';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { describeMailFailure, MailerService, SentMail } from '../notification/mailer.service';
import { UserAccountService } from '../user/user-account.service';

/** What a one-time link is for. */
export type AccountTokenPurpose = 'PASSWORD_RESET' | 'EMAIL_CONFIRMATION';

/** Web paths the mailed links open (the web app's French routes). */
export const RESET_PASSWORD_PATH = '/nouveau-mot-de-passe';
export const CONFIRM_EMAIL_PATH = '/confirmer-adresse';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Any token we issue: 32 random bytes in base64url (43 characters). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

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

const invalidLink = (reason: 'INVALID_TOKEN') =>
  DomainError.badInput(
    'token: ce lien n’est plus valable (déjà utilisé, expiré ou incomplet). Demandez-en un nouveau.',
    { field: 'token', reason },
  ).inEnglish(
    'This link is no longer valid (already used, expired or incomplete). Ask for a new one.',
  );

/**
 * Account recovery and e-mail confirmation by one-time links.
 *
 * A link carries 32 random bytes; only their SHA-256 is stored (`account_tokens`), with an
 * expiry (`PASSWORD_RESET_TTL_MINUTES`, `EMAIL_CONFIRMATION_TTL_HOURS`). A link works once: it
 * is spent by one compare-and-set UPDATE (`used_at IS NULL AND expires_at > now()`), so two
 * simultaneous uses cannot both succeed. A reset request answers the same whether the address
 * has an account or not, and its e-mail leaves after the answer (no timing difference from
 * SMTP); per account at most `ACCOUNT_MAILS_PER_HOUR` links are mailed per hour, counted under a
 * lock on the account row, beyond which requests are silently dropped (on top of the per-IP
 * limit of the resolver). A reset revokes every session of the account.
 * Sources: OWASP Forgot Password Cheat Sheet (uniform answer, single-use expiring tokens,
 * stored hashed, sessions invalidated).
 */
@Injectable()
export class AccountRecoveryService {
  private readonly logger = new Logger('AccountRecovery');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly mailer: MailerService,
    private readonly actionLog: ActionLogService,
    private readonly events: DomainEventOutbox,
    private readonly accounts: UserAccountService,
  ) {}

  /**
   * Starts a password reset: when a live account has this address (any letter case) and its
   * hourly quota is not spent, stores a reset token and mails the link (after the answer).
   * @param email the address typed by the person
   * @returns nothing, whatever the address: the caller cannot learn whether it has an account
   */
  async requestPasswordReset(email: string): Promise<void> {
    const mail = await inTransaction(this.dataSource, async (manager) => {
      const [user] = await manager.query(
        `SELECT id, email, name FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL FOR UPDATE`,
        [email.trim()],
      );
      if (!user) return null;
      const token = await this.issue(
        manager,
        user.id,
        'PASSWORD_RESET',
        this.config.PASSWORD_RESET_TTL_MINUTES * 60_000,
      );
      if (!token) return null;
      await this.actionLog.record(manager, {
        userId: user.id,
        action: 'request_password_reset',
        resourceType: 'user',
        resourceId: user.id,
        visibility: 'PRIVATE',
        summary: 'Demande de réinitialisation du mot de passe',
      });
      return {
        to: user.email,
        subject: '[Concerto] Réinitialiser votre mot de passe',
        text:
          `Bonjour ${user.name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable ${this.config.PASSWORD_RESET_TTL_MINUTES} minutes, une seule fois) :\n\n` +
          `${this.link(RESET_PASSWORD_PATH, token)}\n\nTous vos appareils seront déconnectés. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.\n`,
      } satisfies SentMail;
    });
    if (mail) this.deliverLater(mail);
  }

  /**
   * Sets a new password with a reset link: spends the token, replaces the hash, revokes every
   * session of the account (their sockets are disconnected after commit) and spends the
   * account's other reset links. The address counts as confirmed (the link reached it).
   * @param token the token from the link
   * @param newPassword the new password, under `AccountRules`
   * @throws BAD_USER_INPUT weak password (`field: 'newPassword'`, `reason`); the link is unknown,
   *         used or expired (`field: 'token'`, `reason: 'INVALID_TOKEN'`) — nothing changed
   */
  async resetPassword(token: string, newPassword: string): Promise<void> {
    const weakness = passwordWeakness(newPassword);
    if (weakness)
      throw DomainError.badInput(PASSWORD_MESSAGES[weakness], {
        field: 'newPassword',
        reason: weakness,
      }).inEnglish(PASSWORD_MESSAGES_EN[weakness]);
    if (!TOKEN_SHAPE.test(token)) throw invalidLink('INVALID_TOKEN');
    const newHash = await argon2Hash(newPassword);
    await inTransaction(this.dataSource, async (manager) => {
      const userId = await this.spend(manager, token, 'PASSWORD_RESET');
      if (!(await this.accounts.resetPasswordHash(manager, userId, newHash)))
        throw invalidLink('INVALID_TOKEN');
      await manager.query(
        `UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = 'PASSWORD_RESET' AND used_at IS NULL`,
        [userId],
      );
      const sessions = await queryRows<{ id: string }>(
        manager,
        `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`,
        [userId],
      );
      for (const s of sessions)
        await this.events.record(manager, 'session.revoked', { sessionId: s.id, userId }, userId);
      await this.actionLog.record(manager, {
        userId,
        action: 'reset_password',
        resourceType: 'user',
        resourceId: userId,
        visibility: 'PRIVATE',
        summary: 'Réinitialisation du mot de passe (toutes les sessions fermées)',
      });
    });
    this.events.committed();
  }

  /**
   * Issues a confirmation link for a new account inside the sign-up transaction; the caller
   * mails it with {@link deliverLater} after commit.
   * @returns the mail to send, or null when the hourly quota is spent
   */
  async confirmationMail(
    manager: EntityManager,
    user: { id: string; name: string; email: string },
  ): Promise<SentMail | null> {
    const token = await this.issue(
      manager,
      user.id,
      'EMAIL_CONFIRMATION',
      this.config.EMAIL_CONFIRMATION_TTL_HOURS * 3600_000,
    );
    if (!token) return null;
    return {
      to: user.email,
      subject: '[Concerto] Confirmez votre adresse e-mail',
      text:
        `Bonjour ${user.name},\n\nPour confirmer votre adresse e-mail sur Concerto, ouvrez ce lien (valable ${this.config.EMAIL_CONFIRMATION_TTL_HOURS} heures) :\n\n` +
        `${this.link(CONFIRM_EMAIL_PATH, token)}\n\nSi vous n’avez pas créé de compte, ignorez ce message.\n`,
    };
  }

  /**
   * Mails a new confirmation link to the signed-in account, if its address is not confirmed yet.
   * @param userId the signed-in user
   * @returns true when a link was sent; false when the address is already confirmed or the hourly quota is spent
   */
  async resendConfirmation(userId: string): Promise<boolean> {
    const mail = await inTransaction(this.dataSource, async (manager) => {
      const [user] = await manager.query(
        `SELECT id, name, email, email_confirmed_at FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
        [userId],
      );
      if (!user || user.email_confirmed_at) return null;
      return this.confirmationMail(manager, user);
    });
    if (mail) this.deliverLater(mail);
    return mail !== null;
  }

  /**
   * Confirms an address with its link (spends the token).
   * @param token the token from the link
   * @throws BAD_USER_INPUT the link is unknown, used or expired (`field: 'token'`, `reason: 'INVALID_TOKEN'`)
   */
  async confirmEmail(token: string): Promise<void> {
    if (!TOKEN_SHAPE.test(token)) throw invalidLink('INVALID_TOKEN');
    await inTransaction(this.dataSource, async (manager) => {
      const userId = await this.spend(manager, token, 'EMAIL_CONFIRMATION');
      if (!(await this.accounts.confirmEmail(manager, userId))) throw invalidLink('INVALID_TOKEN');
      await this.actionLog.record(manager, {
        userId,
        action: 'confirm_email',
        resourceType: 'user',
        resourceId: userId,
        visibility: 'PRIVATE',
        summary: 'Adresse e-mail confirmée',
      });
    });
  }

  /** Sends a mail without making the caller wait (and without telling it anything): failures are logged. */
  deliverLater(mail: SentMail): void {
    setImmediate(() => {
      this.mailer
        .send(mail)
        .catch((error: unknown) =>
          this.logger.error(`mail not sent (${mail.subject}): ${describeMailFailure(error)}`),
        );
    });
  }

  /**
   * Stores a new token for an account whose row the caller has locked, unless the account got
   * `ACCOUNT_MAILS_PER_HOUR` links of any purpose in the last hour.
   * @returns the token (to mail), or null when the quota is spent
   */
  private async issue(
    manager: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
    ttlMs: number,
  ): Promise<string | null> {
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM account_tokens WHERE user_id = $1 AND created_at > now() - interval '1 hour'`,
      [userId],
    );
    if (n >= this.config.ACCOUNT_MAILS_PER_HOUR) return null;
    const token = randomBytes(32).toString('base64url');
    await manager.query(
      `INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond')`,
      [userId, purpose, hashToken(token), ttlMs],
    );
    return token;
  }

  /** Marks a valid token used (compare-and-set) and returns its account; otherwise INVALID_TOKEN. */
  private async spend(
    manager: EntityManager,
    token: string,
    purpose: AccountTokenPurpose,
  ): Promise<string> {
    const [row] = await queryRows<{ user_id: string }>(
      manager,
      `UPDATE account_tokens SET used_at = now() WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [hashToken(token), purpose],
    );
    if (!row) throw invalidLink('INVALID_TOKEN');
    return row.user_id;
  }

  private link(path: string, token: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/+$/, '')}${path}?jeton=${token}`;
  }
}
