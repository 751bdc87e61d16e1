/** Time zone of every date and time shown: the filière is French. */
export const DISPLAY_TIME_ZONE = 'Europe/Paris';

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'fr-FR';
}

/**
 * Formats an instant (ISO 8601) as a date and time in Europe/Paris.
 * @example formatDateTime('2026-11-01T08:00:00Z', 'fr') // "1 novembre 2026 à 09:00"
 */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeStyle: 'short', timeZone: DISPLAY_TIME_ZONE }).format(date);
}

/**
 * Formats a calendar day (YYYY-MM-DD, no time zone) as a long date.
 * @example formatDay('2026-03-01', 'fr') // "1 mars 2026"
 */
export function formatDay(day: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
