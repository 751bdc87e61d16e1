import { Controller, Get, Inject, Logger, Param, Query, Req, Res } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '../../common/access/access-policy';
import { inRequestLanguage } from '../../common/errors/error-messages';
import {
  type ConcertoRequest,
  CurrentViewer,
  type Viewer,
} from '../../common/access/request-context';
import { clientIp, ONE_MINUTE } from '../../common/rate-limit/rate-limits';
import { AppConfig } from '../../config/app-config';
import type { OidcProviderSettings } from '../../config/oidc-providers';
import { FRESH_SIGN_IN_MINUTES, SESSION_COOKIE, SessionService } from '../auth/session.service';
import { IdentityService, IdentitySignInError, safeReturnTo } from './identity.service';
import { OidcClients } from './oidc-clients';

/** Cookie binding an authorization request to the browser that started it. */
export const OIDC_STATE_COOKIE = 'concerto_oidc_state';

/**
 * The browser side of OpenID Connect sign-in (redirects, no JSON):
 * - `GET /auth/oidc/:provider/start?returnTo=/path` — anyone: to the provider;
 * - `GET /auth/oidc/:provider/link` — a signed-in account (session cookie, signed in less than 10
 *   minutes ago) links the provider;
 * - `GET /auth/oidc/:provider/callback` — the provider's redirect back: signs in (session cookie)
 *   and goes to `returnTo` (`/mon-compte?bienvenue=oidc` for a new account), or back to the
 *   account page after a link.
 * Every refusal redirects with `?oidc_error=<code>` to `/connexion` (or `/mon-compte` for a link),
 * never a 5xx; an unknown provider key answers 404. Starts and links are rate-limited per client IP
 * (LOGIN_RATE_LIMIT_PER_MINUTE a minute, shared by all providers, counted in the throttler's storage:
 * Redis when configured): each one stores a sign-in attempt, so a flood would fill that table; one
 * over the limit redirects with OIDC_TOO_MANY_ATTEMPTS and stores nothing.
 */
@Controller('auth/oidc')
export class IdentityController {
  private readonly logger = new Logger(IdentityController.name);

  constructor(
    private readonly identities: IdentityService,
    private readonly clients: OidcClients,
    private readonly sessions: SessionService,
    @Inject(AppConfig) private readonly config: AppConfig,
    @InjectThrottlerStorage() private readonly throttlerStorage: ThrottlerStorage,
  ) {}

  /** Starts a sign-in. Access: anyone. 404 for an unknown provider. */
  @Public()
  @Get(':provider/start')
  async start(
    @Param('provider') key: string,
    @Query('returnTo') returnTo: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const provider = this.providerOr404(key, res);
    if (!provider) return;
    if (await this.overLimit(req)) {
      return this.fail(res, new IdentitySignInError('OIDC_TOO_MANY_ATTEMPTS'));
    }
    await this.redirectToProvider(provider, null, safeReturnTo(returnTo), res);
  }

  /**
   * Starts a link of the provider to the signed-in account. Access: signed-in users whose sign-in is
   * less than {@link FRESH_SIGN_IN_MINUTES} old (else a redirect with OIDC_SIGN_IN_REQUIRED or
   * OIDC_REAUTHENTICATION_REQUIRED). 404 for an unknown provider.
   */
  @Public()
  @Get(':provider/link')
  async link(
    @Param('provider') key: string,
    @CurrentViewer() viewer: Viewer | null,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const provider = this.providerOr404(key, res);
    if (!provider) return;
    if (!viewer) return this.fail(res, new IdentitySignInError('OIDC_SIGN_IN_REQUIRED'));
    if (await this.overLimit(req)) {
      const limited = new IdentitySignInError('OIDC_TOO_MANY_ATTEMPTS');
      limited.linking = true;
      return this.fail(res, limited);
    }
    // a new way into the account: only from a recent sign-in, so an old (possibly stolen) session cannot add one
    if (!(await this.sessions.openedWithin(viewer.sessionId, FRESH_SIGN_IN_MINUTES))) {
      const stale = new IdentitySignInError('OIDC_REAUTHENTICATION_REQUIRED');
      stale.linking = true;
      return this.fail(res, stale);
    }
    await this.redirectToProvider(provider, viewer.user.id, '/mon-compte', res);
  }

  /** The provider's redirect back. Access: anyone holding the attempt's state cookie. 404 for an unknown provider. */
  @Public()
  @Get(':provider/callback')
  async callback(
    @Param('provider') key: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const provider = this.providerOr404(key, res);
    if (!provider) return;
    res.clearCookie(OIDC_STATE_COOKIE, { path: '/auth/oidc' });
    res.setHeader('cache-control', 'no-store');
    const cookieState = (req.cookies as Record<string, string> | undefined)?.[OIDC_STATE_COOKIE];
    const callbackUrl = new URL(
      `${this.clients.redirectUri(provider)}${req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''}`,
    );
    try {
      const outcome = await this.identities.callback(
        provider,
        req.query as Record<string, unknown>,
        cookieState,
        callbackUrl,
      );
      if (outcome.kind === 'linked')
        return res.redirect(303, `/mon-compte?oidc_linked=${encodeURIComponent(provider.key)}`);
      res.cookie(SESSION_COOKIE, outcome.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.isProduction,
        path: '/',
        maxAge: this.config.SESSION_TTL_HOURS * 3600_000,
      });
      res.redirect(303, outcome.created ? '/mon-compte?bienvenue=oidc' : outcome.returnTo);
    } catch (error) {
      this.fail(res, this.expected(error));
    }
  }

  private async redirectToProvider(
    provider: OidcProviderSettings,
    linkingUserId: string | null,
    returnTo: string,
    res: Response,
  ): Promise<void> {
    try {
      const { url, state } = await this.identities.start(provider, linkingUserId, returnTo);
      res.cookie(OIDC_STATE_COOKIE, state, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.isProduction,
        path: '/auth/oidc',
        maxAge: 10 * 60_000,
      });
      res.setHeader('cache-control', 'no-store');
      res.redirect(303, url.href);
    } catch (error) {
      const failure = this.expected(error);
      failure.linking = linkingUserId !== null;
      this.fail(res, failure);
    }
  }

  /** An unexpected failure (database, a bug) is logged and shown as a provider error: the browser is redirected, never given a 5xx. */
  private expected(error: unknown): IdentitySignInError {
    if (error instanceof IdentitySignInError) return error;
    this.logger.error(
      `OpenID Connect sign-in failed unexpectedly: ${(error as Error)?.stack ?? String(error)}`,
    );
    return new IdentitySignInError('OIDC_PROVIDER_ERROR');
  }

  private fail(res: Response, error: IdentitySignInError): void {
    res.redirect(303, `${error.linking ? '/mon-compte' : '/connexion'}?oidc_error=${error.code}`);
  }

  /** Counts one start (or link) for the client IP; true when it is over LOGIN_RATE_LIMIT_PER_MINUTE. */
  private async overLimit(req: Request): Promise<boolean> {
    const limit = this.config.LOGIN_RATE_LIMIT_PER_MINUTE;
    const record = await this.throttlerStorage.increment(
      `oidc-start:${clientIp(req as ConcertoRequest)}`,
      ONE_MINUTE,
      limit,
      ONE_MINUTE,
      'oidcStart',
    );
    return record.isBlocked || record.totalHits > limit;
  }

  private providerOr404(key: string, res: Response): OidcProviderSettings | undefined {
    const provider = this.clients.provider(key);
    if (!provider)
      res.status(404).json({
        code: 'NOT_FOUND',
        message: inRequestLanguage({
          fr: 'Fournisseur d’identité inconnu.',
          en: 'Unknown identity provider.',
        }),
      });
    return provider;
  }
}
