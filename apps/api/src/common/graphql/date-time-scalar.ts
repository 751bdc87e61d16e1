import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * `YYYY-MM-DDTHH:MM[:SS[.fraction]]` then `Z` or `±HH:MM`: an ISO 8601 / RFC 3339 date-time with
 * an offset and a four-digit year, so years 0001–9999 as written (the UTC instant may spill one
 * day into year 0 or 10000, which PostgreSQL `timestamptz` and JS `Date` both hold).
 */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/**
 * Reads an instant written as an ISO 8601 date-time with an offset (`2026-03-01T09:30:00Z`,
 * `2026-03-01T10:30+01:00`), refusing what `new Date()` would bend into something else: other
 * types (numbers, booleans, lists), impossible calendar dates (`2026-02-30`, `25:61`), dates
 * without an offset and years outside 0001–9999 (`-004714-…`, `+275760-…`).
 * @param value what the client sent
 * @returns the instant
 * @throws GraphQLError BAD_USER_INPUT with a French message naming the rule broken
 */
export function parseIsoInstant(value: unknown): Date {
  const refuse = (why: string): never => {
    throw new GraphQLError(`Date invalide : ${why}`, { extensions: { code: 'BAD_USER_INPUT' } });
  };
  if (typeof value !== 'string')
    return refuse('une chaîne ISO 8601 est attendue (ex. 2026-03-01T09:30:00Z).');
  const m = ISO_INSTANT.exec(value);
  if (!m) return refuse('format ISO 8601 avec fuseau attendu (ex. 2026-03-01T09:30:00Z).');
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  if (year < 1) return refuse('l’année doit être entre 0001 et 9999.');
  const monthDays = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  const offsetHours = Number(m[9] ?? 0);
  const offsetMinutes = Number(m[10] ?? 0);
  if (
    !monthDays ||
    day < 1 ||
    day > monthDays ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return refuse('ce jour ou cette heure n’existe pas.');
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return refuse('date illisible.');
  // the range holds for the instant too, not only as written (9999-12-31T23:59-23:59 is year 10000 in UTC)
  const utcYear = instant.getUTCFullYear();
  return utcYear < 1 || utcYear > 9999 ? refuse('l’année doit être entre 0001 et 9999.') : instant;
}

/**
 * The schema's `DateTime` scalar (same name and output as Nest's `GraphQLISODateTime`) with
 * {@link parseIsoInstant} applied to every input, as a variable or inline; Nest's own scalar
 * hands anything to `new Date()` (`true` → 1970, `"2026-02-30"` → 2 March, year −271821).
 */
export const StrictDateTime = new GraphQLScalarType({
  name: 'DateTime',
  description:
    'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
  parseValue: (value) => parseIsoInstant(value),
  parseLiteral: (ast) => parseIsoInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});
