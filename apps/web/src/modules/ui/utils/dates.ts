/**
 * The one date and time formatter of the web app: every date and time shown goes through here,
 * so there is one format per kind, always in Europe/Paris, with French typography
 * (« 1er novembre 2026 à 09:00 », not « 1 novembre »).
 *
 * Built on `Intl.DateTimeFormat#formatToParts`; the ordinal « 1er » for the first day of a
 * month follows the Imprimerie nationale's *Lexique des règles typographiques* (« 1er mai »).
 */

/** Time zone of every date and time shown: the filière is French. */
export const DISPLAY_TIME_ZONE = 'Europe/Paris';

/** How much of an instant to show. */
export type DateStyle =
  /** « 1er novembre 2026 à 09:00 » */
  | 'long'
  /** « 1er nov. 2026, 09:00 » (lists, logs) */
  | 'short'
  /** « 1er novembre 2026 » */
  | 'date';

/** BCP 47 locale of an interface language. */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'fr-FR';
}

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  },
  short: {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  },
  date: { day: 'numeric', month: 'long', year: 'numeric' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, style: DateStyle, timeZone: string): Intl.DateTimeFormat {
  const key = `${language}|${style}|${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(localeOf(language), { ...OPTIONS[style], timeZone });
    formatters.set(key, found);
  }
  return found;
}

/** Joins Intl parts, writing the first day of a month « 1er » in French. */
function joinParts(parts: Intl.DateTimeFormatPart[], language: string): string {
  return parts
    .map((part) =>
      part.type === 'day' && language !== 'en' && Number(part.value) === 1 ? '1er' : part.value,
    )
    .join('');
}

/**
 * Formats an instant (ISO 8601) in Europe/Paris.
 * @param iso an ISO 8601 instant; returned unchanged when it is not a date
 * @param language interface language (`fr` or `en`)
 * @param style `long` (default), `short` or `date`
 * @example formatDateTime('2026-11-01T08:00:00Z', 'fr') // "1er novembre 2026 à 09:00"
 */
export function formatDateTime(iso: string, language: string, style: DateStyle = 'long'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return joinParts(formatter(language, style, DISPLAY_TIME_ZONE).formatToParts(date), language);
}

/**
 * Formats a calendar day (YYYY-MM-DD, no time zone) as a long date.
 * @example formatDay('2026-03-01', 'fr') // "1er mars 2026"
 */
export function formatDay(day: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return joinParts(formatter(language, 'date', 'UTC').formatToParts(date), language);
}

/**
 * Formats a number for the interface language (French: narrow no-break space for thousands,
 * decimal comma).
 * @param maximumFractionDigits at most this many decimals (default 0)
 */
export function formatNumber(value: number, language: string, maximumFractionDigits = 0): string {
  return value.toLocaleString(localeOf(language), { maximumFractionDigits });
}

/**
 * Formats a ratio (0…1) as a percentage.
 * @example formatPercent(0.2857, 'fr') // "28,6 %"
 */
export function formatPercent(ratio: number, language: string, maximumFractionDigits = 1): string {
  return ratio.toLocaleString(localeOf(language), { style: 'percent', maximumFractionDigits });
}
