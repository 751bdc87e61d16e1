import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  MeetingsQuery,
  MeetingsQueryVariables,
  MyMeetingRegistrationsQuery,
  MyMeetingRegistrationsQueryVariables,
  MeetingQuery,
  MeetingQueryVariables,
  MeetingAttendeesQuery,
  MeetingAttendeesQueryVariables,
  RegisterForMeetingMutation,
  RegisterForMeetingMutationVariables,
  CancelMeetingRegistrationMutation,
  CancelMeetingRegistrationMutationVariables,
  CloseMeetingMutation,
  CloseMeetingMutationVariables,
  CreateMeetingMutation,
  CreateMeetingMutationVariables,
  UpdateMeetingMutation,
  UpdateMeetingMutationVariables,
  PublishMeetingMutation,
  PublishMeetingMutationVariables,
  CancelMeetingMutation,
  CancelMeetingMutationVariables,
  MarkAttendanceMutation,
  MarkAttendanceMutationVariables,
  MeetingsAdminSpaceQuery,
  MeetingsAdminSpaceQueryVariables,
  MyMeetingCalendarFeedQuery,
  MyMeetingCalendarFeedQueryVariables,
  RotateMeetingCalendarFeedMutation,
  RotateMeetingCalendarFeedMutationVariables,
  RevokeMeetingCalendarFeedMutation,
  RevokeMeetingCalendarFeedMutationVariables,
  MeetingSittingQuery,
  MeetingSittingQueryVariables,
  OpenMotionInSittingMutation,
  OpenMotionInSittingMutationVariables,
  CloseMotionInSittingMutation,
  CloseMotionInSittingMutationVariables,
} from '../../../graphql/generated';

/** A meeting as every meeting query returns it (the one-meeting query adds the agenda's links). */
export type Meeting = MeetingsQuery['meetings'][number];
/** The signed-in user's registration: seat, waiting list position, attendance code. */
export type MeetingRegistration = NonNullable<Meeting['viewerRegistration']>;
/**
 * A top-level agenda item of the one-meeting query, with its sub-items. The agenda has one level
 * of sub-items (the API refuses deeper ones), so the query asks two levels; a sub-item has the
 * same fields but no sub-items of its own: {@link MeetingAgendaEntry}.
 */
export type MeetingAgendaItem = MeetingQuery['meeting']['agenda'][number];
/** An agenda item at either level, without its sub-items. */
export type MeetingAgendaEntry = Omit<MeetingAgendaItem, 'children'>;
/** A proposal or motion an agenda item or the closing report links to. */
export type MeetingAgendaLink = MeetingAgendaItem['links'][number];
/** The closing report (compte rendu) with its linked proposals, as the one-meeting query returns it. */
export type MeetingClosingReport = NonNullable<MeetingQuery['meeting']['closingReport']>;
/** A registration as the check-in screen lists it. */
export type MeetingAttendee = MeetingAttendeesQuery['meetingAttendees'][number];

const MEETING_FIELDS = `
  id componentId spaceId title description type address location locationHints onlineUrl hasOnlineUrl startsAt endsAt state published cancelled cancellationReason
  registrationsEnabled capacity registrationsOpenAt registrationsCloseAt registrationsOpen waitlistEnabled registeredCount waitlistedCount attendedCount seatsLeft icsPath path
  agenda { ...AgendaItemFields children { ...AgendaItemFields children { id } } }
  closingReport { closedAt minutes attendeesCount contributionsCount videoUrl proposalIds }
  viewerRegistration { status code waitlistPosition attendedAt }
  viewerCanAdminister`;

const AGENDA_ITEM_FIELDS = `
  fragment AgendaItemFields on MeetingAgendaItem { id position title durationMinutes startsAt endsAt proposalIds motionIds }`;

export const MEETINGS_QUERY: TypedDocumentNode<MeetingsQuery, MeetingsQueryVariables> = gql`
  query Meetings($componentId: ID!) {
    meetings(componentId: $componentId) { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const MY_MEETING_REGISTRATIONS_QUERY: TypedDocumentNode<
  MyMeetingRegistrationsQuery,
  MyMeetingRegistrationsQueryVariables
> = gql`
  query MyMeetingRegistrations {
    myMeetingRegistrations { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const MEETING_QUERY: TypedDocumentNode<MeetingQuery, MeetingQueryVariables> = gql`
  query Meeting($id: ID!) {
    meeting(id: $id) {
      ${MEETING_FIELDS}
      viewerReported
      agenda { id links { type id title path } children { id links { type id title path } } }
      closingReport { proposals { type id title path } }
    }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const MEETING_ATTENDEES_QUERY: TypedDocumentNode<
  MeetingAttendeesQuery,
  MeetingAttendeesQueryVariables
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
  RegisterForMeetingMutation,
  RegisterForMeetingMutationVariables
> = gql`
  mutation RegisterForMeeting($meetingId: ID!) {
    registerForMeeting(meetingId: $meetingId) { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const CANCEL_MEETING_REGISTRATION_MUTATION: TypedDocumentNode<
  CancelMeetingRegistrationMutation,
  CancelMeetingRegistrationMutationVariables
> = gql`
  mutation CancelMeetingRegistration($meetingId: ID!) {
    cancelMeetingRegistration(meetingId: $meetingId) { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export type {
  CloseMeetingInput,
  MeetingAgendaItemInput,
  MeetingFieldsInput,
} from '../../../graphql/generated';

export const CLOSE_MEETING_MUTATION: TypedDocumentNode<
  CloseMeetingMutation,
  CloseMeetingMutationVariables
> = gql`
  mutation CloseMeeting($meetingId: ID!, $input: CloseMeetingInput!) {
    closeMeeting(meetingId: $meetingId, input: $input) { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const CREATE_MEETING_MUTATION: TypedDocumentNode<
  CreateMeetingMutation,
  CreateMeetingMutationVariables
> = gql`
  mutation CreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const UPDATE_MEETING_MUTATION: TypedDocumentNode<
  UpdateMeetingMutation,
  UpdateMeetingMutationVariables
> = gql`
  mutation UpdateMeeting($id: ID!, $input: MeetingFieldsInput!) {
    updateMeeting(id: $id, input: $input) { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const PUBLISH_MEETING_MUTATION: TypedDocumentNode<
  PublishMeetingMutation,
  PublishMeetingMutationVariables
> = gql`
  mutation PublishMeeting($id: ID!, $published: Boolean!) {
    publishMeeting(id: $id, published: $published) { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const CANCEL_MEETING_MUTATION: TypedDocumentNode<
  CancelMeetingMutation,
  CancelMeetingMutationVariables
> = gql`
  mutation CancelMeeting($id: ID!, $reason: String) {
    cancelMeeting(id: $id, reason: $reason) { ${MEETING_FIELDS} }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const MARK_ATTENDANCE_MUTATION: TypedDocumentNode<
  MarkAttendanceMutation,
  MarkAttendanceMutationVariables
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
  MeetingsAdminSpaceQuery,
  MeetingsAdminSpaceQueryVariables
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

/** A comment of a meeting (body: sanitised HTML, empty when deleted or hidden). */

export const MY_MEETING_CALENDAR_FEED_QUERY: TypedDocumentNode<
  MyMeetingCalendarFeedQuery,
  MyMeetingCalendarFeedQueryVariables
> = gql`
  query MyMeetingCalendarFeed {
    myMeetingCalendarFeed {
      createdAt
    }
  }
`;

export const ROTATE_MEETING_CALENDAR_FEED_MUTATION: TypedDocumentNode<
  RotateMeetingCalendarFeedMutation,
  RotateMeetingCalendarFeedMutationVariables
> = gql`
  mutation RotateMeetingCalendarFeed {
    rotateMeetingCalendarFeed {
      url
      createdAt
    }
  }
`;

export const REVOKE_MEETING_CALENDAR_FEED_MUTATION: TypedDocumentNode<
  RevokeMeetingCalendarFeedMutation,
  RevokeMeetingCalendarFeedMutationVariables
> = gql`
  mutation RevokeMeetingCalendarFeed {
    revokeMeetingCalendarFeed
  }
`;

/** A sitting (séance) of the Assemblée: who is present, the minutes, the motions on its agenda. */
export type MeetingSitting = MeetingSittingQuery['meeting'];
/** A motion on a sitting's agenda, as the sitting panel shows it. */
export type SittingMotion = NonNullable<MeetingSitting['sitting']>['motions'][number];

const SITTING_MOTION_FIELDS = `id title reference status sittingId quorumBasis
  result { outcome forWeight againstWeight abstainWeight votersCount membersCount presentCount quorumReached }`;

export const MEETING_SITTING_QUERY: TypedDocumentNode<
  MeetingSittingQuery,
  MeetingSittingQueryVariables
> = gql`
  query MeetingSitting($id: ID!) {
    meeting(id: $id) {
      id state isSitting viewerCanAdminister
      sitting { present minutes motions { ${SITTING_MOTION_FIELDS} } }
    }
  }
`;

export const OPEN_MOTION_IN_SITTING_MUTATION: TypedDocumentNode<
  OpenMotionInSittingMutation,
  OpenMotionInSittingMutationVariables
> = gql`
  mutation OpenMotionInSitting($meetingId: ID!, $motionId: ID!) {
    openMotionInSitting(meetingId: $meetingId, motionId: $motionId) { ${SITTING_MOTION_FIELDS} }
  }
`;

export const CLOSE_MOTION_IN_SITTING_MUTATION: TypedDocumentNode<
  CloseMotionInSittingMutation,
  CloseMotionInSittingMutationVariables
> = gql`
  mutation CloseMotionInSitting($meetingId: ID!, $motionId: ID!) {
    closeMotionInSitting(meetingId: $meetingId, motionId: $motionId) { ${SITTING_MOTION_FIELDS} }
  }
`;
