/**
 * Stable error codes carried in a GraphQL error's `extensions.code`.
 * The API raises only these; the web app translates them (see `errors.*` in its locales).
 */
export const ErrorCode = {
  /** The input is malformed or breaks a rule (length, format, range). */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The caller must sign in first. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The caller is signed in but lacks the role the operation needs. */
  FORBIDDEN: 'FORBIDDEN',
  /** The resource does not exist (or is not visible to the caller). */
  NOT_FOUND: 'NOT_FOUND',
  /** The operation clashes with existing data (e.g. an e-mail already registered). */
  CONFLICT: 'CONFLICT',
  /** A quota or limit held by the database was reached. */
  LIMIT_REACHED: 'LIMIT_REACHED',
  /** The survey is not open for answers now (before `opensAt` or from `closesAt` on). */
  SURVEY_CLOSED: 'SURVEY_CLOSED',
  /** Too many requests from this client in the window; retry later. */
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  /** The motion's voting period has ended (its `closesAt` is past on the database clock). */
  MOTION_CLOSED: 'MOTION_CLOSED',
  /** The motion is not open for votes yet (draft, or its `opensAt` is still ahead). */
  MOTION_NOT_OPEN: 'MOTION_NOT_OPEN',
  /** The ballot is not open yet (its `opensAt` is still ahead on the database clock). */
  BALLOT_NOT_OPEN: 'BALLOT_NOT_OPEN',
  /** The ballot's voting period has ended (its `closesAt` is past on the database clock). */
  BALLOT_CLOSED: 'BALLOT_CLOSED',
  /** The caller is not in the ballot's census (corps électoral). */
  NOT_IN_CENSUS: 'NOT_IN_CENSUS',
  /** The petition is not collecting signatures now (not published yet, or its period has ended on the database clock). */
  PETITION_NOT_OPEN: 'PETITION_NOT_OPEN',
  /** Registrations to the meeting are not open now (off, before their opening, after their close or the start, or the meeting is cancelled). */
  REGISTRATION_CLOSED: 'REGISTRATION_CLOSED',
  /** The meeting has not ended yet (on the database clock): it cannot be closed with a report. */
  MEETING_NOT_ENDED: 'MEETING_NOT_ENDED',
  /** The Assemblée sitting is not in progress (before its start or after its end on the database clock, or cancelled). */
  SITTING_NOT_ONGOING: 'SITTING_NOT_ONGOING',
  /** The motion is not on the agenda of this sitting. */
  MOTION_NOT_ON_AGENDA: 'MOTION_NOT_ON_AGENDA',
  /** The newsletter would reach nobody: no opted-in member matches its recipients. */
  NEWSLETTER_NO_RECIPIENT: 'NEWSLETTER_NO_RECIPIENT',
  /** The current password given to confirm a sensitive account action (change password, delete account) is wrong. */
  WRONG_PASSWORD: 'WRONG_PASSWORD',
  /** The account was blocked by an organization administrator: it cannot sign in (its sessions were closed) until unblocked. */
  ACCOUNT_BLOCKED: 'ACCOUNT_BLOCKED',
  /** An unexpected server fault; nothing was changed. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
