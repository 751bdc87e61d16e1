import { gql, type TypedDocumentNode } from '@apollo/client';
import type { MeetingState, MeetingType, RegistrationStatus } from '@concerto/domain';

export interface MeetingRegistration {
  status: RegistrationStatus;
  code: string;
  waitlistPosition: number | null;
  attendedAt: string | null;
}
export interface MeetingAgendaLink {
  type: 'PROPOSAL' | 'MOTION';
  id: string;
  title: string;
  path: string;
}
export interface MeetingAgendaItem {
  id: string;
  position: number;
  title: string;
  durationMinutes: number;
  startsAt: string;
  endsAt: string;
  proposalIds: string[];
  motionIds: string[];
  /** Only in the one-meeting query. */
  links?: MeetingAgendaLink[];
  children: MeetingAgendaItem[];
}
export interface MeetingClosingReport {
  closedAt: string;
  minutes: string;
  attendeesCount: number;
  contributionsCount: number;
  videoUrl: string | null;
  proposalIds: string[];
  /** Only in the one-meeting query. */
  proposals?: MeetingAgendaLink[];
}
export interface Meeting {
  id: string;
  componentId: string;
  spaceId: string;
  title: string;
  description: string;
  type: MeetingType;
  address: string;
  location: string;
  locationHints: string;
  onlineUrl: string | null;
  hasOnlineUrl: boolean;
  startsAt: string;
  endsAt: string;
  state: MeetingState;
  published: boolean;
  cancelled: boolean;
  cancellationReason: string;
  registrationsEnabled: boolean;
  capacity: number;
  registrationsOpenAt: string | null;
  registrationsCloseAt: string | null;
  registrationsOpen: boolean;
  waitlistEnabled: boolean;
  registeredCount: number;
  waitlistedCount: number;
  attendedCount: number;
  seatsLeft: number | null;
  icsPath: string;
  path: string;
  agenda: MeetingAgendaItem[];
  closingReport: MeetingClosingReport | null;
  viewerRegistration: MeetingRegistration | null;
  viewerCanAdminister: boolean;
}
export interface MeetingAttendee {
  registrationId: string;
  name: string;
  status: RegistrationStatus;
  code: string;
  waitlistPosition: number | null;
  attendedAt: string | null;
}

const MEETING_FIELDS = `
  id componentId spaceId title description type address location locationHints onlineUrl hasOnlineUrl startsAt endsAt state published cancelled cancellationReason
  registrationsEnabled capacity registrationsOpenAt registrationsCloseAt registrationsOpen waitlistEnabled registeredCount waitlistedCount attendedCount seatsLeft icsPath path
  agenda { ...AgendaItemFields children { ...AgendaItemFields children { id } } }
  closingReport { closedAt minutes attendeesCount contributionsCount videoUrl proposalIds }
  viewerRegistration { status code waitlistPosition attendedAt }
  viewerCanAdminister`;

const AGENDA_ITEM_FIELDS = `
  fragment AgendaItemFields on MeetingAgendaItem { id position title durationMinutes startsAt endsAt proposalIds motionIds }`;

export const MEETINGS_QUERY: TypedDocumentNode<{ meetings: Meeting[] }, { componentId: string }> =
  gql`
  query Meetings($componentId: ID!) {
    meetings(componentId: $componentId) { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const MY_MEETING_REGISTRATIONS_QUERY: TypedDocumentNode<
  { myMeetingRegistrations: Meeting[] },
  Record<string, never>
> = gql`
  query MyMeetingRegistrations {
    myMeetingRegistrations { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const MEETING_QUERY: TypedDocumentNode<{ meeting: Meeting }, { id: string }> = gql`
  query Meeting($id: ID!) {
    meeting(id: $id) {
      ${MEETING_FIELDS}
      agenda { id links { type id title path } children { id links { type id title path } } }
      closingReport { proposals { type id title path } }
    }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const MEETING_ATTENDEES_QUERY: TypedDocumentNode<
  { meetingAttendees: MeetingAttendee[] },
  { meetingId: string }
> = gql`
  query MeetingAttendees($meetingId: ID!) {
    meetingAttendees(meetingId: $meetingId) {
      registrationId
      name
      status
      code
      waitlistPosition
      attendedAt
    }
  }
`;

export const REGISTER_FOR_MEETING_MUTATION: TypedDocumentNode<
  { registerForMeeting: Meeting },
  { meetingId: string }
> = gql`
  mutation RegisterForMeeting($meetingId: ID!) {
    registerForMeeting(meetingId: $meetingId) { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const CANCEL_MEETING_REGISTRATION_MUTATION: TypedDocumentNode<
  { cancelMeetingRegistration: Meeting },
  { meetingId: string }
> = gql`
  mutation CancelMeetingRegistration($meetingId: ID!) {
    cancelMeetingRegistration(meetingId: $meetingId) { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

/** Fields an admin sends to create or edit a meeting (dates as ISO 8601 instants). */
export interface MeetingFieldsInput {
  /** A sitting (séance) of the Assemblée (ASSEMBLY spaces only). */
  isSitting?: boolean;
  title?: string;
  description?: string;
  type?: MeetingType;
  address?: string;
  location?: string;
  locationHints?: string;
  onlineUrl?: string | null;
  startsAt?: string;
  endsAt?: string;
  registrationsEnabled?: boolean;
  capacity?: number;
  waitlistEnabled?: boolean;
  agenda?: MeetingAgendaItemInput[];
}

/** One agenda item as the admin form sends it (sub-items: one level). */
export interface MeetingAgendaItemInput {
  title: string;
  durationMinutes: number;
  proposalIds?: string[];
  motionIds?: string[];
  children?: MeetingAgendaItemInput[];
}

/** A closing report as the admin form sends it. */
export interface CloseMeetingInput {
  minutes: string;
  attendeesCount: number;
  contributionsCount: number;
  proposalIds?: string[];
  videoUrl?: string | null;
}

export const CLOSE_MEETING_MUTATION: TypedDocumentNode<
  { closeMeeting: Meeting },
  { meetingId: string; input: CloseMeetingInput }
> = gql`
  mutation CloseMeeting($meetingId: ID!, $input: CloseMeetingInput!) {
    closeMeeting(meetingId: $meetingId, input: $input) { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const CREATE_MEETING_MUTATION: TypedDocumentNode<
  { createMeeting: Meeting },
  { input: MeetingFieldsInput & { componentId: string; published?: boolean } }
> = gql`
  mutation CreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const UPDATE_MEETING_MUTATION: TypedDocumentNode<
  { updateMeeting: Meeting },
  { id: string; input: MeetingFieldsInput }
> = gql`
  mutation UpdateMeeting($id: ID!, $input: MeetingFieldsInput!) {
    updateMeeting(id: $id, input: $input) { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const PUBLISH_MEETING_MUTATION: TypedDocumentNode<
  { publishMeeting: Meeting },
  { id: string; published: boolean }
> = gql`
  mutation PublishMeeting($id: ID!, $published: Boolean!) {
    publishMeeting(id: $id, published: $published) { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const CANCEL_MEETING_MUTATION: TypedDocumentNode<
  { cancelMeeting: Meeting },
  { id: string; reason: string }
> = gql`
  mutation CancelMeeting($id: ID!, $reason: String) {
    cancelMeeting(id: $id, reason: $reason) { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const MARK_ATTENDANCE_MUTATION: TypedDocumentNode<
  { markAttendance: MeetingAttendee },
  { meetingId: string; code: string }
> = gql`
  mutation MarkAttendance($meetingId: ID!, $code: String!) {
    markAttendance(meetingId: $meetingId, code: $code) {
      registrationId
      name
      status
      code
      waitlistPosition
      attendedAt
    }
  }
`;

export const MEETINGS_ADMIN_SPACE_QUERY: TypedDocumentNode<
  {
    space: {
      id: string;
      slug: string;
      title: string;
      type: 'PROCESS' | 'ASSEMBLY';
      viewerCanAdminister: boolean;
    };
  },
  { slug: string }
> = gql`
  query MeetingsAdminSpace($slug: String!) {
    space(slug: $slug) {
      id
      slug
      title
      type
      viewerCanAdminister
    }
  }
`;

export interface MeetingComment {
  id: string;
  body: string;
  authorName: string | null;
  createdAt: string;
  deleted: boolean;
  hidden: boolean;
}

export const MEETING_COMMENTS_QUERY: TypedDocumentNode<
  { comments: MeetingComment[] },
  { commentableId: string }
> = gql`
  query MeetingComments($commentableId: ID!) {
    comments(commentableType: MEETING, commentableId: $commentableId) {
      id
      body
      authorName
      createdAt
      deleted
      hidden
    }
  }
`;

export const ADD_MEETING_COMMENT_MUTATION: TypedDocumentNode<
  { addComment: MeetingComment },
  { commentableId: string; body: string }
> = gql`
  mutation AddMeetingComment($commentableId: ID!, $body: String!) {
    addComment(input: { commentableType: MEETING, commentableId: $commentableId, body: $body }) {
      id
      body
      authorName
      createdAt
      deleted
      hidden
    }
  }
`;

export const MY_MEETING_CALENDAR_FEED_QUERY: TypedDocumentNode<
  { myMeetingCalendarFeed: { createdAt: string } | null },
  Record<string, never>
> = gql`
  query MyMeetingCalendarFeed {
    myMeetingCalendarFeed {
      createdAt
    }
  }
`;

export const ROTATE_MEETING_CALENDAR_FEED_MUTATION: TypedDocumentNode<
  { rotateMeetingCalendarFeed: { url: string; createdAt: string } },
  Record<string, never>
> = gql`
  mutation RotateMeetingCalendarFeed {
    rotateMeetingCalendarFeed {
      url
      createdAt
    }
  }
`;

export const REVOKE_MEETING_CALENDAR_FEED_MUTATION: TypedDocumentNode<
  { revokeMeetingCalendarFeed: boolean },
  Record<string, never>
> = gql`
  mutation RevokeMeetingCalendarFeed {
    revokeMeetingCalendarFeed
  }
`;

/** A motion on a sitting's agenda, as the sitting panel shows it. */
export interface SittingMotion {
  id: string;
  title: string;
  reference: string | null;
  status: 'DRAFT' | 'SCHEDULED' | 'OPEN' | 'CLOSED';
  sittingId: string | null;
  quorumBasis: 'VOTING' | 'PRESENT';
  result: {
    outcome: 'ADOPTED' | 'REJECTED' | 'NO_QUORUM';
    forWeight: number;
    againstWeight: number;
    abstainWeight: number;
    votersCount: number;
    membersCount: number;
    presentCount: number | null;
    quorumReached: boolean;
  } | null;
}
export interface MeetingSitting {
  id: string;
  state: MeetingState;
  isSitting: boolean;
  viewerCanAdminister: boolean;
  sitting: { present: string[]; minutes: string; motions: SittingMotion[] } | null;
}

const SITTING_MOTION_FIELDS = `id title reference status sittingId quorumBasis
  result { outcome forWeight againstWeight abstainWeight votersCount membersCount presentCount quorumReached }`;

export const MEETING_SITTING_QUERY: TypedDocumentNode<{ meeting: MeetingSitting }, { id: string }> =
  gql`
  query MeetingSitting($id: ID!) {
    meeting(id: $id) {
      id state isSitting viewerCanAdminister
      sitting { present minutes motions { ${SITTING_MOTION_FIELDS} } }
    }
  }
`;

export const OPEN_MOTION_IN_SITTING_MUTATION: TypedDocumentNode<
  { openMotionInSitting: SittingMotion },
  { meetingId: string; motionId: string }
> = gql`
  mutation OpenMotionInSitting($meetingId: ID!, $motionId: ID!) {
    openMotionInSitting(meetingId: $meetingId, motionId: $motionId) { ${SITTING_MOTION_FIELDS} }
  }
`;

export const CLOSE_MOTION_IN_SITTING_MUTATION: TypedDocumentNode<
  { closeMotionInSitting: SittingMotion },
  { meetingId: string; motionId: string }
> = gql`
  mutation CloseMotionInSitting($meetingId: ID!, $motionId: ID!) {
    closeMotionInSitting(meetingId: $meetingId, motionId: $motionId) { ${SITTING_MOTION_FIELDS} }
  }
`;
