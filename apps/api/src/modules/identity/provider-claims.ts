import type { OidcProviderSettings } from '../../config/oidc-providers';

/** A person as a provider describes them, mapped from its claims (ID token + userinfo). */
export interface ProviderPerson {
  name: string | null;
  email: string | null;
  /** True when the provider vouches for the e-mail (`email_verified`, or `OIDC_<KEY>_TRUST_EMAIL`). */
  emailVerified: boolean;
  /** ProSanté Connect: the practitioner's national identifier (RPPS or ADELI, `SubjectNameID`). */
  professionalId: string | null;
}

const text = (value: unknown, max: number): string | null =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null;

/**
 * Maps claims to a person, by preset:
 * - `prosante-connect`: `given_name` + `family_name`, `email`, professional id `SubjectNameID`
 *   (falling back to `preferred_username`, which ProSanté Connect also fills with it);
 * - `franceconnect`: `given_name` (all first names) + `family_name` (birth name), `email`;
 * - `generic`: `name`, else `given_name` + `family_name`, else `preferred_username`; `email`.
 */
export function claimsToPerson(
  provider: OidcProviderSettings,
  claims: Record<string, unknown>,
): ProviderPerson {
  const given = text(claims.given_name, 100);
  const family = text(claims.family_name, 100);
  const composed = [given, family].filter(Boolean).join(' ') || null;
  const name =
    provider.preset === 'generic'
      ? (text(claims.name, 100) ?? composed ?? text(claims.preferred_username, 100))
      : (composed ?? text(claims.name, 100));
  const email = text(claims.email, 320)?.toLowerCase() ?? null;
  const professionalId =
    provider.preset === 'prosante-connect'
      ? (text(claims.SubjectNameID, 100) ?? text(claims.preferred_username, 100))
      : null;
  return {
    name,
    email,
    emailVerified:
      !!email &&
      (claims.email_verified === true || claims.email_verified === 'true' || provider.trustEmail),
    professionalId,
  };
}
