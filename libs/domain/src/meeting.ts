/**
 * Meetings (Rencontres) of a MEETINGS component (DESIGN.md glossary: Meeting, Registration,
 * Agenda). Shared by the API and the web app.
 */

/** How people attend: in person (address), online (a URL), or both. */
export const MeetingType = { IN_PERSON: 'IN_PERSON', ONLINE: 'ONLINE', HYBRID: 'HYBRID' } as const;
export type MeetingType = (typeof MeetingType)[keyof typeof MeetingType];

/** Where a meeting stands on PostgreSQL's clock at the read: before its start, between start and end, after its end. */
export const MeetingState = { UPCOMING: 'UPCOMING', ONGOING: 'ONGOING', PAST: 'PAST' } as const;
export type MeetingState = (typeof MeetingState)[keyof typeof MeetingState];

/** A registration holds a seat (REGISTERED) or waits for one (WAITLISTED, in arrival order). */
export const RegistrationStatus = { REGISTERED: 'REGISTERED', WAITLISTED: 'WAITLISTED' } as const;
export type RegistrationStatus = (typeof RegistrationStatus)[keyof typeof RegistrationStatus];

/** Limits of a meeting's fields, checked by the API and the web form alike. */
export const MeetingLimits = {
  titleMinLength: 3,
  titleMaxLength: 150,
  /** Characters of the sanitised HTML description. */
  descriptionMaxLength: 20000,
  addressMaxLength: 300,
  locationMaxLength: 200,
  locationHintsMaxLength: 500,
  onlineUrlMaxLength: 500,
  /** Largest capacity (0 = unlimited). */
  capacityMax: 100000,
  /** Longest meeting, in milliseconds (14 days). */
  maxDurationMs: 14 * 24 * 3600 * 1000,
  /** Top-level agenda items, and sub-items under one item. */
  agendaItemsMax: 30,
  agendaTitleMaxLength: 200,
  /** An agenda item's longest planned duration, in minutes (a day). */
  agendaDurationMaxMinutes: 1440,
  /** Proposals, and motions, one agenda item links to. */
  agendaLinksMax: 20,
  /** Visible characters of a closing report's minutes. */
  closingMinutesMaxLength: 20000,
  /** Proposals a closing report links to. */
  closingProposalsMax: 50,
  /** Largest attendees or contributions count of a closing report. */
  closingCountMax: 1000000,
  /** How long before the start the online URL is shown to registrants, in milliseconds (15 min). */
  onlineUrlLeadMs: 15 * 60 * 1000,
  /** How long before the start registrants are reminded, in milliseconds (24 h). */
  reminderLeadMs: 24 * 3600 * 1000,
  /** Attendance codes: 8 characters from an alphabet without 0/O, 1/I/L. */
  codePattern: /^[A-HJKMNP-Z2-9]{8}$/,
} as const;

/** What an agenda item links to. */
export const MeetingAgendaLinkType = { PROPOSAL: 'PROPOSAL', MOTION: 'MOTION' } as const;
export type MeetingAgendaLinkType =
  (typeof MeetingAgendaLinkType)[keyof typeof MeetingAgendaLinkType];

/** The time zone meetings are entered and shown in. */
export const MEETING_TIME_ZONE = 'Europe/Paris';
