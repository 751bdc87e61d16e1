import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { ConcertoRequest, Viewer } from '../../common/access/request-context';
import { UserEntity } from '../user/entities/user.entity';
import { SessionEntity } from './session.entity';

/** Name of the httpOnly cookie the web app signs in with. */
export const SESSION_COOKIE = 'concerto_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Opaque bearer tokens backed by the `sessions` table (32 random bytes, stored as SHA-256),
 * so a sign-out revokes a token at once.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * Opens a session for a user.
   * @returns the token (shown once) and its expiry
   */
  async open(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    await this.sessions.insert({ userId, tokenHash: hashToken(token), expiresAt, revokedAt: null });
    return { token, expiresAt };
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
    const bearer = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : undefined;
    const token = bearer || (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!token || token.length > 200) return null;
    const session = await this.sessions
      .createQueryBuilder('s')
      .innerJoinAndMapOne('s.user', UserEntity, 'u', 'u.id = s.user_id')
      .where('s.token_hash = :hash', { hash: hashToken(token) })
      .andWhere('s.revoked_at IS NULL')
      .andWhere('u.deleted_at IS NULL')
      .andWhere('s.expires_at > now()')
      .getOne();
    if (!session) return null;
    return { user: session.user, sessionId: session.id };
  }
}
