import { passwordWeakness } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { ActionLogService } from '../action-log/action-log.service';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { ProfileService } from '../profile/profile.service';
import { TermsService } from '../terms/terms.service';
import { UserEntity } from '../user/entities/user.entity';
import type { SentMail } from '../notification/mailer.service';
import { AccountRecoveryService } from './account-recovery.service';
import { RegisterInput } from './dtos/auth.inputs';
import { SessionService } from './session.service';

/** A precomputed hash so an unknown e-mail costs as much time as a wrong password. */
let decoyHash: Promise<string> | undefined;

const PASSWORD_MESSAGES = {
  tooShort: 'password: au moins 10 caractères',
  tooLong: 'password: 128 caractères au plus',
  tooSimple: 'password: trop simple, variez les caractères',
} as const;

const PASSWORD_MESSAGES_EN = {
  tooShort: 'At least 10 characters.',
  tooLong: 'At most 128 characters.',
  tooSimple: 'Too simple: vary the characters.',
} as const;

/** Sign-up, sign-in and sign-out. Passwords are hashed with argon2id (@node-rs/argon2 defaults m=19 MiB, t=2, p=1: OWASP Password Storage Cheat Sheet's minimum). */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly actionLog: ActionLogService,
    private readonly events: DomainEventOutbox,
    private readonly terms: TermsService,
    private readonly recovery: AccountRecoveryService,
    private readonly profiles: ProfileService,
  ) {}

  /**
   * Creates a participant account and signs it in.
   * @returns the new user and a session token
   * The accepted terms and privacy versions are recorded in the same transaction (`terms_acceptances`),
   * with a one-time e-mail confirmation link, mailed after commit (the address stays unconfirmed until it is opened).
   * @throws BAD_USER_INPUT weak password (`extensions.field = 'password'`); terms or privacy version
   *         not the current one (`field: 'terms'`, `reason: 'TERMS_OUTDATED'`); CONFLICT e-mail already
   *         registered, in any letter case (held by the unique index on `lower(email)`)
   */
  async register(input: RegisterInput): Promise<{ user: UserEntity; token: string }> {
    const weakness = passwordWeakness(input.password);
    if (weakness)
      throw DomainError.badInput(PASSWORD_MESSAGES[weakness], {
        field: 'password',
        reason: weakness,
      }).inEnglish(PASSWORD_MESSAGES_EN[weakness]);
    const passwordHash = await argon2Hash(input.password);
    let user: UserEntity;
    let confirmation: SentMail | null = null;
    try {
      user = await this.dataSource.transaction(async (manager) => {
        const created = manager.create(UserEntity, {
          name: input.name,
          email: input.email,
          passwordHash,
          isAdmin: false,
          isDemo: false,
        });
        await manager.save(created);
        await this.profiles.createForAccount(manager, created.id, created.name);
        await this.terms.recordAcceptance(manager, created.id, {
          termsVersion: input.acceptedTermsVersion,
          privacyVersion: input.acceptedPrivacyVersion,
        });
        await this.actionLog.record(manager, {
          userId: created.id,
          action: 'register',
          resourceType: 'user',
          resourceId: created.id,
          visibility: 'ADMIN_ONLY',
          summary: 'Inscription',
        });
        confirmation = await this.recovery.confirmationMail(manager, created);
        return created;
      });
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code ===
          '23505'
      ) {
        throw DomainError.conflict('Un compte existe déjà avec cette adresse e-mail.', {
          field: 'email',
        }).inEnglish('An account already exists with this email address.');
      }
      throw error;
    }
    if (confirmation) this.recovery.deliverLater(confirmation);
    const { token } = await this.sessions.open(user.id, passwordHash);
    return { user, token };
  }

  /**
   * Creates a participant account for a person who signed in through an OpenID Connect provider,
   * in the caller's transaction: no password (one can be set later through « mot de passe oublié »),
   * a member profile prefilled with the name, the e-mail confirmed when the provider vouches for it.
   * The terms are not accepted here: the web app's terms gate asks for them at the first visit
   * (`pendingTerms`), as for any account behind on the current versions.
   * @param manager the caller's transaction (the identity row is inserted in the same one)
   * @param input name and e-mail from the provider's claims
   * @returns the new account
   * @throws QueryFailedError 23505 when the e-mail is taken (the caller turns it into its own error)
   */
  async registerFromIdentity(
    manager: EntityManager,
    input: { name: string; email: string; emailVerified: boolean; provider: string },
  ): Promise<UserEntity> {
    const created = manager.create(UserEntity, {
      name: input.name,
      email: input.email,
      emailConfirmedAt: input.emailVerified ? new Date() : null,
      isAdmin: false,
      isDemo: false,
    });
    await manager.save(created);
    await this.profiles.createForAccount(manager, created.id, created.name);
    await this.actionLog.record(manager, {
      userId: created.id,
      action: 'register',
      resourceType: 'user',
      resourceId: created.id,
      visibility: 'ADMIN_ONLY',
      summary: `Inscription par ${input.provider}`,
    });
    return created;
  }

  /**
   * Checks credentials and opens a session. The e-mail matches regardless of case.
   * @throws UNAUTHENTICATED "wrong e-mail or password" (same message for both, same timing);
   *         ACCOUNT_BLOCKED the password is right but an administrator blocked the account
   *         (refused by {@link SessionService.open}, which is reached only with a right password)
   */
  async login(email: string, password: string): Promise<{ user: UserEntity; token: string }> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .andWhere('u.deleted_at IS NULL')
      .getOne();
    decoyHash ??= argon2Hash('decoy-password-for-timing');
    const valid = await argon2Verify(user?.passwordHash ?? (await decoyHash), password).catch(
      () => false,
    );
    if (!user || !valid)
      throw DomainError.unauthenticated('Adresse e-mail ou mot de passe incorrect.').inEnglish(
        'Wrong email address or password.',
      );
    const { token } = await this.sessions.open(user.id, user.passwordHash!);
    return { user, token };
  }

  /** Revokes the caller's session; its live sockets are disconnected after commit (on every process). */
  async logout(sessionId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
        [sessionId],
      );
      await this.events.record(manager, 'session.revoked', { sessionId, userId }, userId);
    });
    this.events.committed();
  }

  /**
   * Hashes a password the way accounts store it (used to create the first administrator).
   * @param password plain password
   * @returns argon2id hash string
   */
  hashPassword(password: string): Promise<string> {
    return argon2Hash(password);
  }
}
