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

/** The Assemblée's demo sitting as the demo data file describes it. */
export interface DemoSittingFile {
  componentTitle: string;
  componentDescription: string;
  title: string;
  description: string;
  onlineUrl: string;
  /** The sitting falls on the first `isoWeekday` (1 = Monday) at least `daysAhead` days after the load, from `startTime` to `endTime`, Paris time. */
  daysAhead: number;
  isoWeekday: number;
  startTime: string;
  endTime: string;
  motion: { reference: string; title: string; body: string; quorumPercent: number };
  /** Agenda items; the one with `motion: true` links the sitting's motion. */
  agenda: { title: string; durationMinutes: number; motion?: boolean }[];
}

/**
 * Inserts the demo Assemblée sitting (`is_demo`, `is_sitting`, published, online, registrations
 * open without a limit) with its agenda, one item linking the motion it decides — the meeting
 * module's SQL, in the demo loader's transaction.
 * @param manager the demo loader's transaction
 * @param componentId the Assemblée's MEETINGS component
 * @param spaceId the Assemblée
 * @param m the sitting (day and times are Paris wall-clock time)
 * @param motionId the motion its agenda links
 * @returns the meeting's id
 */
export async function insertDemoSitting(
  manager: EntityManager,
  componentId: string,
  spaceId: string,
  m: DemoSittingFile,
  motionId: string,
): Promise<string> {
  const [meeting] = await manager.query(
    `WITH day AS (
       SELECT d + ((($2::int - extract(isodow FROM d)::int) + 7) % 7) AS d
         FROM (SELECT (now() AT TIME ZONE 'Europe/Paris')::date + $1::int AS d) x)
     INSERT INTO meetings (component_id, space_id, title, description, type, online_url, starts_at, ends_at,
                           registrations_enabled, capacity, waitlist_enabled, published_at, is_demo, is_sitting)
     SELECT $3, $4, $5, $6, 'ONLINE', $7, (day.d + $8::time) AT TIME ZONE 'Europe/Paris', (day.d + $9::time) AT TIME ZONE 'Europe/Paris',
            true, 0, false, now(), true, true
       FROM day RETURNING id`,
    [
      m.daysAhead,
      m.isoWeekday,
      componentId,
      spaceId,
      m.title,
      sanitizeRichText(m.description),
      m.onlineUrl,
      m.startTime,
      m.endTime,
    ],
  );
  for (const [index, item] of m.agenda.entries()) {
    const [row] = await manager.query(
      `INSERT INTO meeting_agenda_items (meeting_id, position, title, duration_minutes) VALUES ($1, $2, $3, $4) RETURNING id`,
      [meeting.id, index, item.title, item.durationMinutes],
    );
    if (item.motion)
      await manager.query(
        `INSERT INTO meeting_agenda_links (item_id, resource_type, resource_id, position) VALUES ($1, 'MOTION', $2, 0)`,
        [row.id, motionId],
      );
  }
  return meeting.id as string;
}
