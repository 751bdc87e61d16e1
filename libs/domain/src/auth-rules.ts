/**
 * Account rules shared by the API (enforced) and the web app (shown before submit).
 * Password length follows NIST SP 800-63B §5.1.1.2 (at least 8, allow at least 64);
 * we ask for 10 and reject passwords made of one repeated character.
 */
export const AccountRules = {
  nameMinLength: 2,
  nameMaxLength: 80,
  emailMaxLength: 254,
  passwordMinLength: 10,
  passwordMaxLength: 128,
} as const;

/**
 * Tells whether a password is acceptable under {@link AccountRules}.
 * @param password the candidate password
 * @returns `null` when acceptable, otherwise a reason key: `tooShort`, `tooLong` or `tooSimple`
 */
export function passwordWeakness(password: string): 'tooShort' | 'tooLong' | 'tooSimple' | null {
  if (password.length < AccountRules.passwordMinLength) return 'tooShort';
  if (password.length > AccountRules.passwordMaxLength) return 'tooLong';
  if (new Set(password).size < 4) return 'tooSimple';
  return null;
}
