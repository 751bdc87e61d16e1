import { DomainError } from '../common/errors/domain-error';

/** UUID check shared by host adapters: a malformed id is BAD_USER_INPUT, never a PostgreSQL 22P02. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** @throws BAD_USER_INPUT when `id` is not a UUID */
export function checkedId(id: string, field = 'id'): string {
  if (typeof id !== 'string' || !UUID_PATTERN.test(id))
    throw DomainError.badInput('Identifiant invalide.', { field }).inEnglish('Invalid identifier.');
  return id;
}
