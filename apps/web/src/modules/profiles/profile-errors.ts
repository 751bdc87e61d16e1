import type { ApiErrorInfo } from '../ui/utils/apiError';

/** The form fields of « Mon profil », in the order they appear (the first invalid one gets the focus). */
export const PROFILE_FORM_FIELDS = [
  'pseudo',
  'organisation',
  'typologyKey',
  'roleTitle',
  'bio',
  'website',
  'avatar',
] as const;
export type ProfileFormField = (typeof PROFILE_FORM_FIELDS)[number];

const KNOWN = new Set<string>(PROFILE_FORM_FIELDS);

/** Drops the « field: » prefix the API puts before its French messages (`pseudo: ce pseudo est déjà pris`). */
function withoutPrefix(message: string, field: string): string {
  const prefix = `${field}:`;
  const rest = message.startsWith(prefix) ? message.slice(prefix.length).trim() : message.trim();
  return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : rest;
}

/**
 * The per-field messages of a rejected profile update, read from the API error: its
 * `extensions.field` (domain errors: PSEUDO_TAKEN, PSEUDO_RESERVED, unknown typology) and the
 * refused fields of `extensions.fields` (the input checks: pseudo format, lengths, website URL),
 * else the `field: message` lines of `extensions.validationErrors`. Unknown fields are ignored
 * (the form shows the error as a whole).
 * @param info the parsed API error
 * @returns message per form field, possibly empty
 */
export function profileFieldErrors(info: ApiErrorInfo): Partial<Record<ProfileFormField, string>> {
  const found: Partial<Record<ProfileFormField, string>> = {};
  // the input checks: each field apart (`extensions.field` only names the first of them)
  if (info.fieldErrors.length > 0) {
    for (const { field: key, message } of info.fieldErrors) {
      const field = key.split('.')[0];
      if (KNOWN.has(field) && !found[field as ProfileFormField])
        found[field as ProfileFormField] = withoutPrefix(message, field);
    }
    return found;
  }
  if (info.field && KNOWN.has(info.field) && info.serverMessage)
    found[info.field as ProfileFormField] = withoutPrefix(info.serverMessage, info.field);
  for (const line of info.validationErrors) {
    const match = /^([A-Za-z]+)(?:\.[A-Za-z]+)?:/.exec(line);
    const field = match?.[1];
    if (field && KNOWN.has(field) && !found[field as ProfileFormField])
      found[field as ProfileFormField] = withoutPrefix(line, field);
  }
  return found;
}

/**
 * The first field, in form order, that has an error.
 * @param errors messages per field
 */
export function firstInvalidField(
  errors: Partial<Record<ProfileFormField, string>>,
): ProfileFormField | null {
  return PROFILE_FORM_FIELDS.find((field) => errors[field]) ?? null;
}
