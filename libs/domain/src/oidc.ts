/**
 * Why a sign-in (or link) with an OpenID Connect provider failed: the API redirects to the
 * sign-in page (or the account page, for a link) with `?oidc_error=<code>`; the web app shows
 * the code's French (or English) message.
 */
export const OIDC_ERROR_CODES = [
  /** The callback's state is missing, unknown, expired, already used or not this browser's. */
  'OIDC_STATE_MISMATCH',
  /** The person cancelled at the provider (`error=access_denied`). */
  'OIDC_CANCELLED',
  /** The provider answered with an error, or its code, ID token or userinfo did not verify. */
  'OIDC_PROVIDER_ERROR',
  /** The provider could not be reached (discovery failed). */
  'OIDC_PROVIDER_UNAVAILABLE',
  /** An account has this e-mail but the provider does not vouch for it: sign in, then link. */
  'OIDC_EMAIL_CONFLICT',
  /** The provider gave no e-mail, and a new account needs one. */
  'OIDC_EMAIL_MISSING',
  /** Linking: this identity already belongs to another account. */
  'OIDC_IDENTITY_TAKEN',
  /** Too many sign-in or link starts from this IP address within a minute (LOGIN_RATE_LIMIT_PER_MINUTE). */
  'OIDC_TOO_MANY_ATTEMPTS',
  /** Linking needs a signed-in account. */
  'OIDC_SIGN_IN_REQUIRED',
  /** Linking needs a recent sign-in (less than 10 minutes): a stolen old session cannot add a way in. */
  'OIDC_REAUTHENTICATION_REQUIRED',
  /** The account this identity signs in to was blocked by an organization administrator. */
  'OIDC_ACCOUNT_BLOCKED',
] as const;

/** One of {@link OIDC_ERROR_CODES}. */
export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];
