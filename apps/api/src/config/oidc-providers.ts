/**
 * OpenID Connect providers read from the environment (README « Connexion OpenID Connect »):
 *
 * - `OIDC_PROVIDERS` — comma-separated keys, e.g. `psc,fc` (lowercase letters, digits, `-`);
 * - per key `K` (upper-cased, `-` → `_`): `OIDC_K_ISSUER` (required), `OIDC_K_CLIENT_ID`
 *   (required), `OIDC_K_CLIENT_SECRET` (absent: a public client, PKCE only), `OIDC_K_SCOPES`,
 *   `OIDC_K_LABEL` (the button says « Se connecter avec <label> »), `OIDC_K_ACR_VALUES`,
 *   `OIDC_K_PRESET` (`prosante-connect`, `franceconnect` or `generic`: default scopes, acr and
 *   claim mapping), `OIDC_K_TRUST_EMAIL` (`true`: the provider's e-mails count as verified even
 *   without an `email_verified` claim).
 *
 * No `OIDC_PROVIDERS`: no provider, no button.
 */

/** How a provider's claims become a name, an e-mail and a professional identifier. */
export type OidcPreset = 'generic' | 'prosante-connect' | 'franceconnect';

/** One configured provider. */
export interface OidcProviderSettings {
  /** URL segment and stored `identities.provider`. */
  key: string;
  label: string;
  issuer: string;
  clientId: string;
  clientSecret?: string;
  scopes: string;
  acrValues?: string;
  preset: OidcPreset;
  trustEmail: boolean;
}

const PRESETS: Record<
  OidcPreset,
  { scopes: string; acrValues?: string; label: string; trustEmail: boolean }
> = {
  generic: { scopes: 'openid email profile', label: 'OpenID Connect', trustEmail: false },
  // ProSanté Connect: scope_all gives the practitioner's identity (SubjectNameID = RPPS/ADELI number)
  'prosante-connect': {
    scopes: 'openid scope_all',
    acrValues: 'eidas1',
    label: 'Pro Santé Connect',
    trustEmail: false,
  },
  // FranceConnect: identity from a state-approved identity provider; e-mail given by the user's provider
  franceconnect: {
    scopes: 'openid given_name family_name email',
    acrValues: 'eidas1',
    label: 'FranceConnect',
    trustEmail: false,
  },
};

const KEY = /^[a-z0-9][a-z0-9-]{0,31}$/;

/**
 * Reads the providers from an environment.
 * @param env the environment
 * @param production whether `http:` issuers are refused (they are allowed for local test providers)
 * @param problems receives one line per invalid variable
 */
export function readOidcProviders(
  env: NodeJS.ProcessEnv,
  production: boolean,
  problems: string[],
): OidcProviderSettings[] {
  const list = (env.OIDC_PROVIDERS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const providers: OidcProviderSettings[] = [];
  for (const key of list) {
    if (!KEY.test(key)) {
      problems.push(`OIDC_PROVIDERS: « ${key} » must be lowercase letters, digits and dashes`);
      continue;
    }
    if (providers.some((p) => p.key === key)) {
      problems.push(`OIDC_PROVIDERS: « ${key} » is listed twice`);
      continue;
    }
    const prefix = `OIDC_${key.toUpperCase().replace(/-/g, '_')}_`;
    const read = (name: string) => env[prefix + name]?.trim() || undefined;
    const presetName = (read('PRESET') ?? 'generic') as OidcPreset;
    if (!(presetName in PRESETS)) {
      problems.push(`${prefix}PRESET: one of ${Object.keys(PRESETS).join(', ')}`);
      continue;
    }
    const preset = PRESETS[presetName];
    const issuer = read('ISSUER');
    const clientId = read('CLIENT_ID');
    let issuerUrl: URL | undefined;
    try {
      issuerUrl = issuer ? new URL(issuer) : undefined;
    } catch {
      issuerUrl = undefined;
    }
    if (!issuerUrl || !['https:', 'http:'].includes(issuerUrl.protocol))
      problems.push(`${prefix}ISSUER: required, an https:// URL`);
    else if (production && issuerUrl.protocol !== 'https:')
      problems.push(`${prefix}ISSUER: must be https:// in production`);
    if (!clientId) problems.push(`${prefix}CLIENT_ID: required`);
    if (!issuerUrl || !clientId) continue;
    const scopes = read('SCOPES') ?? preset.scopes;
    if (!scopes.split(/\s+/).includes('openid'))
      problems.push(`${prefix}SCOPES: must include openid`);
    providers.push({
      key,
      label: read('LABEL') ?? preset.label,
      issuer: issuer!,
      clientId,
      clientSecret: read('CLIENT_SECRET'),
      scopes,
      acrValues: read('ACR_VALUES') ?? preset.acrValues,
      preset: presetName,
      trustEmail: read('TRUST_EMAIL')
        ? ['1', 'true', 'yes', 'on'].includes(read('TRUST_EMAIL')!.toLowerCase())
        : preset.trustEmail,
    });
  }
  return providers;
}
