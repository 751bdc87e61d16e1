import type { EntityManager } from 'typeorm';
import { sanitizeRichText } from '../../common/rich-text/rich-text';

/** The demo meeting as the demo data file describes it. */
export interface DemoMeetingFile {
  title: string;
  description: string;
  location: string;
  address: string;
  locationHints: string;
  /** The meeting falls on the first `isoWeekday` (1 = Monday) at least `daysAhead` days after the load, from `startTime` to `endTime`, Paris time. */
  daysAhead: number;
  isoWeekday: number;
  startTime: string;
  endTime: string;
  capacity: number;
  agenda: {
    title: string;
    durationMinutes: number;
    children?: { title: string; durationMinutes: number }[];
  }[];
}

/**
 * Inserts the demo meeting (`is_demo`, published, in person, registrations and waiting list
 * open) with its agenda, in the demo loader's transaction — the meeting module's SQL, as
 * `insertDemoBallot` is the ballot module's.
 * @param manager the demo loader's transaction
 * @param componentId the MEETINGS component
 * @param spaceId its space
 * @param m the meeting (day and times are Paris wall-clock time)
 * @returns the meeting's id
 */
export async function insertDemoMeeting(
  manager: EntityManager,
  componentId: string,
  spaceId: string,
  m: DemoMeetingFile,
): Promise<string> {
  // the day and times are Paris wall-clock time: PostgreSQL turns them into instants (summer or winter time)
  const [meeting] = await manager.query(
    `WITH day AS (
       SELECT d + ((($2::int - extract(isodow FROM d)::int) + 7) % 7) AS d
         FROM (SELECT (now() AT TIME ZONE 'Europe/Paris')::date + $1::int AS d) x)
     INSERT INTO meetings (component_id, space_id, title, description, type, address, location, location_hints, starts_at, ends_at,
                           registrations_enabled, capacity, waitlist_enabled, published_at, is_demo)
     SELECT $3, $4, $5, $6, 'IN_PERSON', $7, $8, $9, (day.d + $10::time) AT TIME ZONE 'Europe/Paris', (day.d + $11::time) AT TIME ZONE 'Europe/Paris',
            true, $12, true, now(), true
       FROM day RETURNING id`,
    [
      m.daysAhead,
      m.isoWeekday,
      componentId,
      spaceId,
      m.title,
      sanitizeRichText(m.description),
      m.address,
      m.location,
      m.locationHints,
      m.startTime,
      m.endTime,
      m.capacity,
    ],
  );
  for (const [index, item] of m.agenda.entries()) {
    const [parent] = await manager.query(
      `INSERT INTO meeting_agenda_items (meeting_id, position, title, duration_minutes) VALUES ($1, $2, $3, $4) RETURNING id`,
      [meeting.id, index, item.title, item.durationMinutes],
    );
    for (const [position, child] of (item.children ?? []).entries()) {
      await manager.query(
        `INSERT INTO meeting_agenda_items (meeting_id, parent_id, position, title, duration_minutes) VALUES ($1, $2, $3, $4, $5)`,
        [meeting.id, parent.id, position, child.title, child.durationMinutes],
      );
    }
  }
  return meeting.id as string;
}
