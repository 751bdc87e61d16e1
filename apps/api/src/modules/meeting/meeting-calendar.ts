import { MEETING_TIME_ZONE, MeetingType } from '@concerto/domain';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import ical, { ICalEventStatus } from 'ical-generator';
import { richTextToPlain } from '../../common/rich-text/rich-text';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Europe/Paris as a VTIMEZONE (RFC 5545 §3.6.5): CET/CEST with the European Union's rule since
 * 1996 (last Sunday of March 02:00 → 03:00, last Sunday of October 03:00 → 02:00).
 */
const EUROPE_PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'X-LIC-LOCATION:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** What a calendar entry needs of a meeting. */
export interface CalendarMeeting {
  id: string;
  title: string;
  /** Sanitised HTML; the entry carries its plain text. */
  description: string;
  type: MeetingType;
  address: string;
  location: string;
  /** Only when the viewer may see it (the feed is public: null unless registration is off). */
  onlineUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  /** A registration still on the waiting list: STATUS:TENTATIVE. */
  tentative?: boolean;
  /** Bumped whenever the time or place changes (or the meeting is cancelled). */
  sequence: number;
  updatedAt: Date;
  /** Absolute URL of the meeting page. */
  url: string;
  /** The agenda, placed in time (one meeting's file; feeds leave it out). */
  agenda?: CalendarAgendaItem[];
}

/** An agenda item as a calendar entry's description lists it. */
export interface CalendarAgendaItem {
  title: string;
  startsAt: Date;
  durationMinutes: number;
  children: CalendarAgendaItem[];
}

/**
 * The agenda as plain-text lines for an entry's DESCRIPTION: « 09:00 Accueil (30 min) », sub-items
 * indented, times in Europe/Paris.
 */
export function agendaLines(items: CalendarAgendaItem[]): string {
  if (!items.length) return '';
  const line = (item: CalendarAgendaItem, indent: string): string[] => [
    `${indent}${dayjs.utc(item.startsAt).tz(MEETING_TIME_ZONE).format('HH:mm')} ${item.title}${item.durationMinutes ? ` (${item.durationMinutes} min)` : ''}`,
    ...item.children.flatMap((c) => line(c, '    – ')),
  ];
  return ['Ordre du jour :', ...items.flatMap((i) => line(i, '- '))].join('\n');
}

/**
 * An iCalendar file (RFC 5545, built with ical-generator) for meetings: times with
 * `TZID=Europe/Paris` and its VTIMEZONE, a stable UID per meeting (`<id>@concerto`), SEQUENCE from
 * the meeting's counter so calendar clients replace an entry whose time or place changed, and
 * STATUS:CANCELLED for a cancelled meeting.
 * @param name calendar name (X-WR-CALNAME)
 * @param meetings the entries
 * @returns the file's text (CRLF line ends)
 */
export function meetingsCalendar(name: string, meetings: CalendarMeeting[]): string {
  const calendar = ical({
    name,
    prodId: { company: 'Concerto', product: 'Rencontres', language: 'FR' },
    timezone: {
      name: null,
      generator: (tz: string) => (tz === MEETING_TIME_ZONE ? EUROPE_PARIS_VTIMEZONE : null),
    },
  });
  for (const m of meetings) {
    const place = [m.location, m.address].filter(Boolean).join(', ');
    calendar.createEvent({
      id: `${m.id}@concerto`,
      sequence: m.sequence,
      stamp: m.updatedAt,
      lastModified: m.updatedAt,
      start: dayjs.utc(m.startsAt).tz(MEETING_TIME_ZONE),
      end: dayjs.utc(m.endsAt).tz(MEETING_TIME_ZONE),
      timezone: MEETING_TIME_ZONE,
      summary: m.title,
      description: [
        richTextToPlain(m.description),
        agendaLines(m.agenda ?? []),
        m.onlineUrl ? `Lien : ${m.onlineUrl}` : '',
        m.url,
      ]
        .filter(Boolean)
        .join('\n\n'),
      location: m.type === MeetingType.ONLINE ? (m.onlineUrl ?? 'En ligne') : place || null,
      url: m.url,
      status: m.cancelled
        ? ICalEventStatus.CANCELLED
        : m.tentative
          ? ICalEventStatus.TENTATIVE
          : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
