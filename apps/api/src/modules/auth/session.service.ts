import { ViewerResolver } from '../../common/access/viewer-resolver';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import type { ConcertoRequest, Viewer } from '../../common/access/request-context';
import { UserEntity } from '../user/entities/user.entity';
import { SessionEntity } from './session.entity';

/**
 * How recent a sign-in must be to stand for a re-authentication: deleting an account without
 * password, linking an OpenID Connect identity.
 */
export const FRESH_SIGN_IN_MINUTES = 10;

/** Name of the httpOnly cookie the web app signs in with. */
export const SESSION_COOKIE = 'concerto_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The caller of a request from the SHA-256 of their token: an unrevoked, unexpired session of an
 * account neither deleted nor blocked, with the account's columns (all but the password hash, as the entity
 * selects them). `bench/request-stack.mjs` runs the same SQL in its bare handler.
 */
const VIEWER_SQL = `SELECT s.id AS session_id, u.id, u.name, u.email, u.email_confirmed_at, u.is_admin,
       u.is_demo, u.locale, u.created_at, u.updated_at, u.deleted_at
  FROM sessions s JOIN users u ON u.id = s.user_id
 WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND u.deleted_at IS NULL AND u.blocked_at IS NULL
   AND s.expires_at > now()`;

/** A row of {@link VIEWER_SQL}. */
interface ViewerRow {
  session_id: string;
  id: string;
  name: string;
  email: string;
  email_confirmed_at: Date | null;
  is_admin: boolean;
  is_demo: boolean;
  locale: 'fr' | 'en';
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

/**
 * Opaque bearer tokens backed by the `sessions` table (32 random bytes, stored as SHA-256),
 * so a sign-out revokes a token at once.
 */
@Injectable()
export class SessionService implements ViewerResolver {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * Opens a session for a user whose password was just verified against `verifiedPasswordHash`.
   * The session is written only if the account still has that very hash and is not deleted,
   * checked under a share lock on the user row: a sign-in racing a change of password, an
   * account deletion or a block (all lock the row for update, then revoke sessions) either
   * commits first and is revoked with the others, or waits and finds the hash changed.
   * @param userId the account
   * @param verifiedPasswordHash the stored argon2 hash the password was checked against
   * @returns the token (shown once) and its expiry
   * @throws UNAUTHENTICATED the password changed or the account was deleted meanwhile;
   *         ACCOUNT_BLOCKED the account is blocked
   */
  async open(
    userId: string,
    verifiedPasswordHash: string,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    const opened: unknown[] = await this.sessions.query(
      `WITH account AS (
         SELECT id FROM users WHERE id = $1 AND deleted_at IS NULL AND blocked_at IS NULL AND password_hash = $2 FOR SHARE
       )
       INSERT INTO sessions (user_id, token_hash, expires_at) SELECT id, $3, $4 FROM account RETURNING id`,
      [userId, verifiedPasswordHash, hashToken(token), expiresAt],
    );
    if (!opened.length)
      throw (
        (await this.blockedRefusal(userId)) ??
        DomainError.unauthenticated('Adresse e-mail ou mot de passe incorrect.').inEnglish(
          'Wrong email address or password.',
        )
      );
    return { token, expiresAt };
  }

  /**
   * Opens a session for an account whose OpenID Connect identity was just verified (no password
   * involved), unless the account was deleted or blocked meanwhile (checked under a share lock on its row).
   * @param userId the account the identity belongs to
   * @returns the token (shown once) and its expiry
   * @throws UNAUTHENTICATED the account was deleted meanwhile; ACCOUNT_BLOCKED it is blocked
   */
  async openForIdentity(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    const opened: unknown[] = await this.sessions.query(
      `WITH account AS (SELECT id FROM users WHERE id = $1 AND deleted_at IS NULL AND blocked_at IS NULL FOR SHARE)
       INSERT INTO sessions (user_id, token_hash, expires_at) SELECT id, $2, $3 FROM account RETURNING id`,
      [userId, hashToken(token), expiresAt],
    );
    if (!opened.length) throw (await this.blockedRefusal(userId)) ?? DomainError.unauthenticated();
    return { token, expiresAt };
  }

  /** ACCOUNT_BLOCKED when a live account is blocked (the reason a session was not opened), else null. */
  private async blockedRefusal(userId: string): Promise<DomainError | null> {
    const rows: unknown[] = await this.sessions.query(
      `SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL AND blocked_at IS NOT NULL`,
      [userId],
    );
    return rows.length ? DomainError.accountBlocked() : null;
  }

  /**
   * Whether a live session was opened less than `minutes` ago: a fresh sign-in, which stands for
   * the password confirmation an account without a password cannot give (it signs in through an
   * OpenID Connect provider).
   */
  async openedWithin(sessionId: string, minutes: number): Promise<boolean> {
    const rows: unknown[] = await this.sessions.query(
      `SELECT 1 FROM sessions WHERE id = $1 AND revoked_at IS NULL AND created_at > now() - make_interval(mins => $2)`,
      [sessionId, minutes],
    );
    return rows.length > 0;
  }

  /**
   * Revokes every live session of an account but one, in the caller's transaction (a password
   * change keeps the session that made it). Callers record `session.revoked` for each id so the
   * sockets of those sessions are disconnected after commit.
   * @returns the ids of the sessions revoked
   */
  async revokeOthersInTransaction(
    manager: EntityManager,
    userId: string,
    keptSessionId: string,
  ): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL RETURNING id`,
      [userId, keptSessionId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Revokes every live session of an account, in the caller's transaction (a blocked account).
   * Callers record `session.revoked` for each id so the sockets of those sessions are
   * disconnected after commit.
   * @returns the ids of the sessions revoked
   */
  async revokeAllInTransaction(manager: EntityManager, userId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`,
      [userId],
    );
    return rows.map((r) => r.id);
  }

  /** Revokes a session (idempotent). */
  async revoke(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /**
   * Finds the caller of a request: `Authorization: Bearer <token>` first, then the session cookie.
   * @returns the viewer, or null when no valid, unrevoked, unexpired session matches
   */
  async viewerFromRequest(request: ConcertoRequest): Promise<Viewer | null> {
    const header = request.headers?.authorization;
    const bearer =
      typeof header === 'string' && /^Bearer\s+/i.test(header)
        ? header.replace(/^Bearer\s+/i, '').trim()
        : undefined;
    const token =
      bearer || (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!token || token.length > 200) return null;
    // every request of a signed-in caller runs this: plain SQL, the row mapped by hand (TypeORM's
    // query builder cost more CPU than the rest of a `{ me { id } }` request)
    const [row]: ViewerRow[] = await this.sessions.query(VIEWER_SQL, [hashToken(token)]);
    if (!row) return null;
    const { session_id: sessionId, ...user } = row;
    return {
      sessionId,
      user: Object.assign(new UserEntity(), {
        id: user.id,
        name: user.name,
        email: user.email,
        emailConfirmedAt: user.email_confirmed_at,
        isAdmin: user.is_admin,
        isDemo: user.is_demo,
        locale: user.locale,
        createdAt: user.created_at,
        updatedAt: user.updated_at,
        deletedAt: user.deleted_at,
      }),
    };
  }
}
