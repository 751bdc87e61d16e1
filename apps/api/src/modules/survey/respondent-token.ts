import { createHash, randomBytes } from 'node:crypto';

/** httpOnly cookie holding an anonymous respondent's token (one answer per survey and browser). */
export const RESPONDENT_COOKIE = 'concerto_respondent';

/** A new random respondent token (256 bits, base64url). */
export function newRespondentToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a respondent token: its SHA-256, hex. */
export function hashRespondentToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
