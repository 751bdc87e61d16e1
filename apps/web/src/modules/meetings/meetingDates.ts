/**
 * Meeting dates in Europe/Paris: « jeudi 3 avril 2026, 09:00–11:00 » on cards and pages, and the
 * conversion between a `datetime-local` field (Paris wall-clock time) and a UTC instant.
 * Built on `Intl.DateTimeFormat`, like the app's one formatter (`ui/utils/dates.ts`), whose
 * « 1er » rule it follows (Imprimerie nationale's *Lexique des règles typographiques*).
 */
import { DISPLAY_TIME_ZONE, localeOf } from '../ui/utils/dates';

const dayFormat = (language: string) =>
  new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: DISPLAY_TIME_ZONE,
  });
const timeFormat = (language: string) =>
  new Intl.DateTimeFormat(localeOf(language), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: DISPLAY_TIME_ZONE,
  });

/** « jeudi 3 avril 2026 » (French « 1er » for the first day of a month; English « Thursday 3 April 2026 »). */
export function formatMeetingDay(iso: string, language: string): string {
  return dayFormat(language)
    .formatToParts(new Date(iso))
    .map((part) =>
      part.type === 'day' && language !== 'en' && Number(part.value) === 1
        ? '1er'
        : part.type === 'literal' && language === 'en'
          ? part.value.replace(',', '')
          : part.value,
    )
    .join('');
}

/** « 09:00 »: an instant's Paris wall-clock time, 24-hour. */
export function formatMeetingTime(iso: string, language: string): string {
  return timeFormat(language).format(new Date(iso));
}

/**
 * A meeting's period in Europe/Paris.
 * @param start ISO 8601 instant; @param end ISO 8601 instant after start; @param language `fr` or `en`
 * @returns « jeudi 3 avril 2026, 09:00–11:00 » within a day, else « jeudi 3 avril 2026, 09:00 – vendredi 4 avril 2026, 17:00 »
 * @example formatMeetingPeriod('2026-04-03T07:00:00Z', '2026-04-03T09:00:00Z', 'fr') // "vendredi 3 avril 2026, 09:00–11:00"
 */
export function formatMeetingPeriod(start: string, end: string, language: string): string {
  const time = timeFormat(language);
  const startDay = formatMeetingDay(start, language);
  const endDay = formatMeetingDay(end, language);
  const from = time.format(new Date(start));
  const to = time.format(new Date(end));
  return startDay === endDay
    ? `${startDay}, ${from}–${to}`
    : `${startDay}, ${from} – ${endDay}, ${to}`;
}

/** Europe/Paris's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function parisOffsetMinutes(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: DISPLAY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60000);
}

/**
 * A `datetime-local` value read as Paris wall-clock time → the UTC instant (ISO 8601).
 * In the autumn's repeated hour the first (summer-time) instant is taken; a time skipped in
 * spring is moved forward by the hour.
 * @returns null when the value is not `YYYY-MM-DDTHH:MM`
 * @example parisLocalToIso('2026-04-03T09:00') // "2026-04-03T07:00:00.000Z"
 */
export function parisLocalToIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // the offsets in force a day before and a day after; the larger one gives the earlier instant
  const before = parisOffsetMinutes(wall - 86_400_000);
  const offsets = [...new Set([before, parisOffsetMinutes(wall + 86_400_000)])].sort(
    (a, b) => b - a,
  );
  const exact = offsets
    .map((o) => wall - o * 60000)
    .find((instant) => parisOffsetMinutes(instant) * 60000 === wall - instant);
  return new Date(exact ?? wall - before * 60000).toISOString();
}

/**
 * A UTC instant → the `datetime-local` value of its Paris wall-clock time.
 * @example isoToParisLocal('2026-04-03T07:00:00Z') // "2026-04-03T09:00"
 */
export function isoToParisLocal(iso: string): string {
  const instant = new Date(iso).getTime();
  return new Date(instant + parisOffsetMinutes(instant) * 60000).toISOString().slice(0, 16);
}
