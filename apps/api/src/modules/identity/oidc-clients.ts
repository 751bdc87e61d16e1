import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AppConfig } from '../../config/app-config';
import type { OidcProviderSettings } from '../../config/oidc-providers';
import { claimsToPerson, type ProviderPerson } from './provider-claims';

/** What the callback checks the provider's answer against (stored with the attempt). */
export interface AuthorizationChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Why a provider exchange failed; the controller turns it into a coded redirect. */
export class ProviderExchangeError extends Error {
  constructor(
    readonly code: 'OIDC_PROVIDER_UNAVAILABLE' | 'OIDC_PROVIDER_ERROR' | 'OIDC_STATE_MISMATCH',
    cause?: unknown,
  ) {
    super(code, { cause });
  }
}

/**
 * The OpenID Connect relying party, through the certified `openid-client` library: discovery
 * (cached per provider, retried after a failure), authorization URLs with PKCE (S256), state and
 * nonce, and the code exchange that verifies them, the ID token (signature, issuer, audience,
 * expiry, nonce) and reads the userinfo of the same subject.
 */
@Injectable()
export class OidcClients {
  private readonly logger = new Logger(OidcClients.name);
  private readonly discovered = new Map<string, Promise<oidc.Configuration>>();

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  /** The configured providers, in the order of `OIDC_PROVIDERS`. */
  get providers(): readonly OidcProviderSettings[] {
    return this.config.oidcProviders;
  }

  /** A provider by key, or undefined. */
  provider(key: string): OidcProviderSettings | undefined {
    return this.config.oidcProviders.find((p) => p.key === key);
  }

  /** The redirect URI registered at the provider: `<PUBLIC_URL>/auth/oidc/<key>/callback`. */
  redirectUri(provider: OidcProviderSettings): string {
    return `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/auth/oidc/${provider.key}/callback`;
  }

  /**
   * The provider's authorization URL for a new attempt, with fresh state, nonce and PKCE verifier.
   * @throws ProviderExchangeError OIDC_PROVIDER_UNAVAILABLE when discovery fails
   */
  async authorizationUrl(
    provider: OidcProviderSettings,
  ): Promise<{ url: URL; checks: AuthorizationChecks }> {
    const configuration = await this.configuration(provider);
    const checks: AuthorizationChecks = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const parameters: Record<string, string> = {
      redirect_uri: this.redirectUri(provider),
      scope: provider.scopes,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    };
    if (provider.acrValues) parameters.acr_values = provider.acrValues;
    return { url: oidc.buildAuthorizationUrl(configuration, parameters), checks };
  }

  /**
   * Exchanges the code of a callback and reads who signed in.
   * @param callbackUrl the full callback URL as received (code, state, iss…)
   * @throws ProviderExchangeError OIDC_PROVIDER_UNAVAILABLE (discovery), OIDC_STATE_MISMATCH (state),
   *         OIDC_PROVIDER_ERROR (error answer, refused code, invalid ID token or userinfo)
   */
  async exchange(
    provider: OidcProviderSettings,
    callbackUrl: URL,
    checks: AuthorizationChecks,
  ): Promise<ProviderPerson & { issuer: string; subject: string }> {
    const configuration = await this.configuration(provider);
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        pkceCodeVerifier: checks.codeVerifier,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      const userinfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      const claims = { ...idClaims, ...userinfo } as Record<string, unknown>;
      return {
        issuer: configuration.serverMetadata().issuer,
        subject: idClaims.sub,
        ...claimsToPerson(provider, claims),
      };
    } catch (error) {
      if (error instanceof ProviderExchangeError) throw error;
      const code = (error as { code?: string }).code;
      this.logger.warn(
        `OpenID Connect callback refused (${provider.key}): ${(error as Error).message}`,
      );
      if (code === 'OAUTH_INVALID_RESPONSE' && /state/i.test((error as Error).message))
        throw new ProviderExchangeError('OIDC_STATE_MISMATCH', error);
      throw new ProviderExchangeError('OIDC_PROVIDER_ERROR', error);
    }
  }

  private configuration(provider: OidcProviderSettings): Promise<oidc.Configuration> {
    let pending = this.discovered.get(provider.key);
    if (!pending) {
      const insecure = new URL(provider.issuer).protocol === 'http:';
      pending = oidc
        .discovery(
          new URL(provider.issuer),
          provider.clientId,
          undefined,
          provider.clientSecret
            ? provider.preset === 'franceconnect'
              ? oidc.ClientSecretPost(provider.clientSecret)
              : oidc.ClientSecretBasic(provider.clientSecret)
            : oidc.None(),
          // http issuers only outside production (readOidcProviders refuses them there): local test providers
          insecure ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
        )
        .catch((error: unknown) => {
          this.discovered.delete(provider.key);
          this.logger.warn(
            `OpenID Connect discovery failed (${provider.key}): ${(error as Error).message}`,
          );
          throw new ProviderExchangeError('OIDC_PROVIDER_UNAVAILABLE', error);
        });
      this.discovered.set(provider.key, pending);
    }
    return pending;
  }
}
