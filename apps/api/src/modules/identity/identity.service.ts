import { ErrorCode, OidcErrorCode } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction, pgErrorCode, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import type { OidcProviderSettings } from '../../config/oidc-providers';
import { ActionLogService } from '../action-log/action-log.service';
import { AuthService } from '../auth/auth.service';
import { SessionService } from '../auth/session.service';
import { OidcClients, ProviderExchangeError } from './oidc-clients';
import type { ProviderPerson } from './provider-claims';

/** How long a sign-in attempt waits for its callback. */
const ATTEMPT_TTL_MINUTES = 10;

/** A callback that failed: the code the sign-in (or account) page explains in French. */
export class IdentitySignInError extends Error {
  /** Whether the attempt was a link from the account page (the error goes back there). */
  linking = false;

  constructor(readonly code: OidcErrorCode) {
    super(code);
  }
}

/** What a callback ended with. */
export type CallbackOutcome =
  | { kind: 'signedIn'; token: string; created: boolean; returnTo: string }
  | { kind: 'linked'; returnTo: string };

/** An identity row as the account page lists it. */
export interface IdentityRow {
  id: string;
  provider: string;
  email: string | null;
  professional_id: string | null;
  created_at: Date;
  last_sign_in_at: Date;
}

/** Only same-site paths are followed after sign-in (no `//host` or scheme). */
export const safeReturnTo = (value: unknown): string =>
  typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 500
    ? value
    : '/';

/**
 * Sign-in with OpenID Connect identities (Decidim's `Identity`): an identity is the pair
 * (issuer, subject) a provider vouches for, tied to one account (`UNIQUE (issuer, subject)`).
 *
 * A callback signs in the account the identity belongs to; otherwise it links the identity to the
 * signed-in account that started a « lier » attempt, or to the live account with the same e-mail
 * when the provider says the e-mail is verified; otherwise it creates a member. Concurrent callbacks
 * for the same new identity are serialised by a transaction-scoped advisory lock on the pair and
 * create one account (the unique constraint stands behind it).
 */
@Injectable()
export class IdentityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: OidcClients,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly actionLog: ActionLogService,
  ) {}

  /**
   * Starts an authorization request: stores the attempt (state, nonce, PKCE verifier, who links)
   * and returns the provider URL to redirect to.
   * @param linkingUserId the signed-in account that links this provider, or null to sign in
   * @throws IdentitySignInError OIDC_PROVIDER_UNAVAILABLE when the provider cannot be discovered
   */
  async start(
    provider: OidcProviderSettings,
    linkingUserId: string | null,
    returnTo: string,
  ): Promise<{ url: URL; state: string }> {
    const { url, checks } = await this.clients
      .authorizationUrl(provider)
      .catch((error: unknown) => {
        throw new IdentitySignInError(
          error instanceof ProviderExchangeError ? error.code : 'OIDC_PROVIDER_ERROR',
        );
      });
    await this.dataSource.query(`DELETE FROM identity_sign_in_attempts WHERE expires_at < now()`);
    await this.dataSource.query(
      `INSERT INTO identity_sign_in_attempts (state, provider, nonce, code_verifier, linking_user_id, return_to, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(mins => $7))`,
      [
        checks.state,
        provider.key,
        checks.nonce,
        checks.codeVerifier,
        linkingUserId,
        safeReturnTo(returnTo),
        ATTEMPT_TTL_MINUTES,
      ],
    );
    return { url, state: checks.state };
  }

  /**
   * Ends an authorization request: checks the state against the browser's cookie and consumes the
   * attempt (once: a replayed callback finds nothing), exchanges the code, then signs in, links or
   * creates the account.
   * @param query the callback's query parameters
   * @param cookieState the state cookie set by {@link start} in this browser
   * @param callbackUrl the full callback URL
   * @throws IdentitySignInError with the code to show (never anything else for expected failures)
   */
  async callback(
    provider: OidcProviderSettings,
    query: Record<string, unknown>,
    cookieState: string | undefined,
    callbackUrl: URL,
  ): Promise<CallbackOutcome & { linking: boolean }> {
    const state = typeof query.state === 'string' ? query.state : undefined;
    if (!state || !cookieState || state !== cookieState)
      throw new IdentitySignInError('OIDC_STATE_MISMATCH');
    const [attempt] = await queryRows<{
      nonce: string;
      code_verifier: string;
      linking_user_id: string | null;
      return_to: string;
    }>(
      this.dataSource.manager,
      `DELETE FROM identity_sign_in_attempts WHERE state = $1 AND provider = $2 AND expires_at > now()
       RETURNING nonce, code_verifier, linking_user_id, return_to`,
      [state, provider.key],
    );
    if (!attempt) throw new IdentitySignInError('OIDC_STATE_MISMATCH');
    const linking = attempt.linking_user_id !== null;
    try {
      if (typeof query.error === 'string')
        throw new IdentitySignInError(
          query.error === 'access_denied' ? 'OIDC_CANCELLED' : 'OIDC_PROVIDER_ERROR',
        );
      const person = await this.clients
        .exchange(provider, callbackUrl, {
          state,
          nonce: attempt.nonce,
          codeVerifier: attempt.code_verifier,
        })
        .catch((error: unknown) => {
          throw new IdentitySignInError(
            error instanceof ProviderExchangeError ? error.code : 'OIDC_PROVIDER_ERROR',
          );
        });
      const resolved = await this.resolve(provider, person, attempt.linking_user_id).catch(
        async (error: unknown) => {
          // another identity created an account with this e-mail meanwhile: decide again, now seeing it
          if (pgErrorCode(error) === '23505')
            return this.resolve(provider, person, attempt.linking_user_id);
          throw error;
        },
      );
      if (resolved.kind === 'linked')
        return { kind: 'linked', returnTo: attempt.return_to, linking };
      const { token } = await this.sessions
        .openForIdentity(resolved.userId)
        .catch((error: unknown) => {
          if (error instanceof DomainError && error.code === ErrorCode.ACCOUNT_BLOCKED)
            throw new IdentitySignInError('OIDC_ACCOUNT_BLOCKED');
          throw error;
        });
      return {
        kind: 'signedIn',
        token,
        created: resolved.created,
        returnTo: attempt.return_to,
        linking,
      };
    } catch (error) {
      if (error instanceof IdentitySignInError) error.linking = linking;
      throw error;
    }
  }

  /**
   * The caller's identities, oldest first.
   * @param userId the account
   */
  async identitiesOf(userId: string): Promise<IdentityRow[]> {
    return this.dataSource.query(
      `SELECT id, provider, email, professional_id, created_at, last_sign_in_at FROM identities WHERE user_id = $1 ORDER BY created_at, id`,
      [userId],
    );
  }

  /**
   * Whether the account could still sign in without this identity: it has a password or another identity.
   * @param userId the account
   */
  async otherWaysToSignIn(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ password: boolean; identities: number }> {
    const [row] = await manager.query(
      `SELECT (SELECT password_hash IS NOT NULL FROM users WHERE id = $1) AS password, (SELECT count(*)::int FROM identities WHERE user_id = $1) AS identities`,
      [userId],
    );
    return { password: !!row?.password, identities: row?.identities ?? 0 };
  }

  /**
   * Unlinks one of the caller's identities, unless it is the account's last way to sign in (no
   * password, no other identity). Unlinks of the same account are serialised by an advisory lock,
   * so two concurrent unlinks of an account's last two identities cannot both succeed.
   * @throws BAD_USER_INPUT malformed id; NOT_FOUND not an identity of the caller; CONFLICT (`reason: 'LAST_SIGN_IN_METHOD'`)
   */
  async unlink(userId: string, identityId: string): Promise<void> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(identityId))
      throw DomainError.badInput('Identifiant invalide.', { field: 'id' }).inEnglish(
        'Invalid identifier.',
      );
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('identities:' || $1::text, 0))`,
        [userId],
      );
      const [identity] = await manager.query(
        `SELECT id, provider FROM identities WHERE id = $1 AND user_id = $2`,
        [identityId, userId],
      );
      if (!identity)
        throw DomainError.notFound('Identité', { field: 'id' }).inEnglish('Identity not found.');
      const ways = await this.otherWaysToSignIn(userId, manager);
      if (!ways.password && ways.identities <= 1) {
        throw DomainError.conflict(
          'Impossible de délier cette identité : ce serait le dernier moyen de vous connecter. Définissez d’abord un mot de passe (« Mot de passe oublié ») ou liez une autre identité.',
          { reason: 'LAST_SIGN_IN_METHOD' },
        ).inEnglish(
          'This identity is your last way to sign in: set a password or link another identity first.',
        );
      }
      await manager.query(`DELETE FROM identities WHERE id = $1`, [identityId]);
      await this.actionLog.record(manager, {
        userId,
        action: 'unlink_identity',
        resourceType: 'user',
        resourceId: userId,
        visibility: 'PRIVATE',
        summary: `Identité ${identity.provider} déliée`,
      });
    });
  }

  /** Removes an account's identities (account deletion, in its transaction). */
  async eraseInTransaction(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM identity_sign_in_attempts WHERE linking_user_id = $1`, [
      userId,
    ]);
    await manager.query(`DELETE FROM identities WHERE user_id = $1`, [userId]);
  }

  private async resolve(
    provider: OidcProviderSettings,
    person: ProviderPerson & { issuer: string; subject: string },
    linkingUserId: string | null,
  ): Promise<{ kind: 'signedIn'; userId: string; created: boolean } | { kind: 'linked' }> {
    return inTransaction(this.dataSource, async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || ' ' || $2, 0))`, [
        person.issuer,
        person.subject,
      ]);
      const [existing] = await manager.query(
        `SELECT i.id, i.user_id FROM identities i JOIN users u ON u.id = i.user_id AND u.deleted_at IS NULL WHERE i.issuer = $1 AND i.subject = $2`,
        [person.issuer, person.subject],
      );
      if (existing) {
        if (linkingUserId && existing.user_id !== linkingUserId)
          throw new IdentitySignInError('OIDC_IDENTITY_TAKEN');
        await manager.query(
          `UPDATE identities SET last_sign_in_at = now(), email = $2, professional_id = coalesce($3, professional_id) WHERE id = $1`,
          [existing.id, person.email, person.professionalId],
        );
        return linkingUserId
          ? { kind: 'linked' }
          : { kind: 'signedIn', userId: existing.user_id, created: false };
      }
      if (linkingUserId) {
        await manager.query(
          `SELECT pg_advisory_xact_lock(hashtextextended('identities:' || $1::text, 0))`,
          [linkingUserId],
        );
        const [live] = await manager.query(
          `SELECT id FROM users WHERE id = $1 AND deleted_at IS NULL`,
          [linkingUserId],
        );
        if (!live) throw new IdentitySignInError('OIDC_STATE_MISMATCH');
        await this.insertIdentity(
          manager,
          linkingUserId,
          provider,
          person,
          'Identité liée depuis le compte',
        );
        return { kind: 'linked' };
      }
      if (!person.email) throw new IdentitySignInError('OIDC_EMAIL_MISSING');
      const [sameEmail] = await manager.query(
        `SELECT id FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL`,
        [person.email],
      );
      if (sameEmail) {
        if (!person.emailVerified) throw new IdentitySignInError('OIDC_EMAIL_CONFLICT');
        await this.insertIdentity(
          manager,
          sameEmail.id,
          provider,
          person,
          'Identité liée par adresse e-mail vérifiée',
        );
        return { kind: 'signedIn', userId: sameEmail.id, created: false };
      }
      const user = await this.auth.registerFromIdentity(manager, {
        name: person.name ?? person.email.split('@')[0],
        email: person.email,
        emailVerified: person.emailVerified,
        provider: provider.label,
      });
      await this.insertIdentity(
        manager,
        user.id,
        provider,
        person,
        'Compte créé par OpenID Connect',
      );
      return { kind: 'signedIn', userId: user.id, created: true };
    });
  }

  private async insertIdentity(
    manager: EntityManager,
    userId: string,
    provider: OidcProviderSettings,
    person: ProviderPerson & { issuer: string; subject: string },
    summary: string,
  ) {
    await manager.query(
      `INSERT INTO identities (user_id, provider, issuer, subject, email, professional_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [userId, provider.key, person.issuer, person.subject, person.email, person.professionalId],
    );
    await this.actionLog.record(manager, {
      userId,
      action: 'link_identity',
      resourceType: 'user',
      resourceId: userId,
      visibility: 'PRIVATE',
      summary: `${summary} (${provider.label})`,
    });
  }
}
