import { ValidateBy, ValidationOptions } from 'class-validator';
import { parseIsoInstant } from '../graphql/date-time-scalar';
import { withEnglish } from './french-validation';

/**
 * class-validator decorator for date-times taken as strings (motion opening and closing): the
 * same rule as the `DateTime` scalar (`parseIsoInstant`) — ISO 8601 with an offset, a real
 * calendar date, years 0001–9999 as an instant — so no date input depends on the server's time
 * zone (`2026-12-01T10:00:00` without offset) or on `new Date()`'s leniency.
 * @param options class-validator options (message…)
 */
export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoInstant',
      validator: {
        validate: (value: unknown) => {
          try {
            parseIsoInstant(value);
            return true;
          } catch {
            return false;
          }
        },
        defaultMessage: (args) =>
          withEnglish(
            `${args?.property ?? 'date'}: date ISO 8601 avec fuseau attendue (ex. 2026-03-01T09:30:00Z), jour et heure existants, année 0001–9999`,
            `${args?.property ?? 'date'}: ISO 8601 date with time zone expected (e.g. 2026-03-01T09:30:00Z), an existing day and time, year 0001–9999`,
          ),
      },
    },
    options,
  );
}
