/**
 * Domain events and live messages shared by the API (which emits them after commit) and the
 * web app (which receives them over Socket.IO). Payloads carry ids and small facts only;
 * clients refetch what they display.
 */

/** Kinds of notification a user can receive (and switch off in their settings). */
export const NotificationKind = {
  PROPOSAL_PUBLISHED: 'PROPOSAL_PUBLISHED',
  PROPOSAL_ANSWERED: 'PROPOSAL_ANSWERED',
  COMMENT_CREATED: 'COMMENT_CREATED',
  COMMENT_REPLY: 'COMMENT_REPLY',
  AMENDMENT_CREATED: 'AMENDMENT_CREATED',
  AMENDMENT_STATE_CHANGED: 'AMENDMENT_STATE_CHANGED',
  MOTION_OPENED: 'MOTION_OPENED',
  MOTION_CLOSING_SOON: 'MOTION_CLOSING_SOON',
  MOTION_CLOSED: 'MOTION_CLOSED',
  SURVEY_OPENED: 'SURVEY_OPENED',
  SURVEY_CLOSING: 'SURVEY_CLOSING',
  /** A meeting the user registered for starts within 24 hours. */
  MEETING_REMINDER: 'MEETING_REMINDER',
  /** A seat freed up: the user moved from the waiting list to the registered list. */
  MEETING_REGISTRATION_PROMOTED: 'MEETING_REGISTRATION_PROMOTED',
  /** A meeting the user registered for was cancelled. */
  MEETING_CANCELLED: 'MEETING_CANCELLED',
  /** The time or place of a meeting the user registered for changed. */
  MEETING_CHANGED: 'MEETING_CHANGED',
  /** A meeting the user registered for or follows was closed: its report is published. */
  MEETING_CLOSED: 'MEETING_CLOSED',
  /** The user's "download my data" export is ready (downloadable once, for 7 days). */
  DATA_EXPORT_READY: 'DATA_EXPORT_READY',
  /** A petition one wrote, promotes or follows reached 25, 50, 75 or 100 % of its threshold. */
  PETITION_MILESTONE: 'PETITION_MILESTONE',
  /** A petition one wrote, promotes or follows was published, discarded or answered. */
  PETITION_STATE_CHANGED: 'PETITION_STATE_CHANGED',
  /** A votation the user may vote in (their census) opened. */
  BALLOT_OPENED: 'BALLOT_OPENED',
  /** A votation the user may vote in, and has not voted in yet, closes within the hour. */
  BALLOT_CLOSING_SOON: 'BALLOT_CLOSING_SOON',
  /** A votation the user could vote in closed: its results are published. */
  BALLOT_CLOSED: 'BALLOT_CLOSED',
  /** A news post was published in a space the user follows (once per post, scheduled ones too). */
  NEWS_PUBLISHED: 'NEWS_PUBLISHED',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

/** Events written to the outbox in the same transaction as the change they describe. */
export interface DomainEventPayloads {
  /** A proposal was published in a space (followers of the space are told). */
  'proposal.published': {
    proposalId: string;
    componentId: string;
    spaceId: string;
    title: string;
    authorId: string | null;
  };
  /** A proposal's counted supports changed (viewers of the proposal see the new count). */
  'proposal.supportsChanged': { proposalId: string; componentId: string; supportsCount: number };
  /** A proposal's « pas d'accord » marks changed (viewers of the proposal or its list see the new count). */
  'proposal.disagreementsChanged': {
    proposalId: string;
    componentId: string;
    disagreementsCount: number;
  };
  /** Moderators published an answer or changed the state (author and followers are told). */
  'proposal.answered': { proposalId: string; spaceId: string; title: string; state: string };
  /** A comment was added (followers of the commentable, and the parent's author for a reply). */
  'comment.created': {
    commentId: string;
    commentableType: string;
    commentableId: string;
    spaceId: string;
    authorId: string;
    parentAuthorId: string | null;
    title: string;
  };
  /** An amendment was proposed (the amendable's author and followers are told; viewers refresh). */
  'amendment.created': {
    amendmentId: string;
    amendableType: 'ARTICLE' | 'PROPOSAL';
    amendableId: string;
    componentId: string;
    spaceId: string;
    title: string;
    amendableAuthorId: string | null;
  };
  /** An amendment was accepted or rejected; `outdatedAuthorIds` wrote amendments now outdated by an acceptance. */
  'amendment.stateChanged': {
    amendmentId: string;
    amendableType: 'ARTICLE' | 'PROPOSAL';
    amendableId: string;
    componentId: string;
    spaceId: string;
    title: string;
    state: 'ACCEPTED' | 'REJECTED';
    authorId: string | null;
    outdatedAuthorIds: string[];
  };
  /** A motion opened, is closing within the hour, or closed (the assembly's members and the motion's followers are told). */
  'motion.lifecycle': {
    motionId: string;
    componentId: string;
    spaceId: string;
    title: string;
    kind: 'OPENED' | 'CLOSING_SOON' | 'CLOSED';
  };
  /** A member voted or changed their vote (viewers of the motion refresh its tally). */
  'motion.voted': { motionId: string; componentId: string };
  /** A session was revoked (sign-out): its open sockets are disconnected on every process. */
  'session.revoked': { sessionId: string; userId: string };
  /** A personal data export was built (its owner is told). */
  'dataExport.ready': { exportId: string; userId: string };
  /** A survey opened, or closes within a day (followers of its space are told). */
  'survey.lifecycle': {
    surveyId: string;
    componentId: string;
    spaceId: string;
    title: string;
    kind: 'OPENED' | 'CLOSING';
  };
  /** A petition's signature count changed (viewers of the petition see the new count). */
  'petition.signaturesChanged': {
    petitionId: string;
    componentId: string;
    signaturesCount: number;
  };
  /** A petition crossed a milestone of its threshold, recorded once per (petition, percent). */
  'petition.milestone': { petitionId: string; title: string; percent: number };
  /** A petition was published, discarded or answered (author, committee and followers are told). */
  'petition.stateChanged': {
    petitionId: string;
    title: string;
    state: 'PUBLISHED' | 'DISCARDED' | 'ANSWERED';
  };
  /**
   * Registrants of a meeting are told: REMINDER (it starts within 24 h), PROMOTED (they left the
   * waiting list for a seat), CANCELLED (the meeting is cancelled), CHANGED (its time or place
   * changed: `changes` says which), CLOSED (its closing report is published: registrants and
   * followers, once).
   */
  'meeting.registrants': {
    meetingId: string;
    componentId: string;
    spaceId: string;
    title: string;
    kind: 'REMINDER' | 'PROMOTED' | 'CANCELLED' | 'CHANGED' | 'CLOSED';
    userIds: string[];
    changes?: ('TIME' | 'PLACE')[];
  };
  /**
   * A votation opened, closes within the hour, or closed: recorded once per (ballot, kind) by the
   * ballot scheduler (`ballot_events`); its census is told.
   */
  'ballot.lifecycle': {
    ballotId: string;
    componentId: string;
    spaceId: string;
    title: string;
    kind: 'OPENED' | 'CLOSING_SOON' | 'CLOSED';
  };
  /** A vote was cast or changed (viewers of the votation see the new turnout). */
  'ballot.voted': { ballotId: string; componentId: string };
  /** A Boîte à idées changed: an idea entered the booth (IDEA_PUBLISHED) or the scores were refitted (SCORES); viewers of its component refetch. */
  'ideaBox.changed': { boxId: string; componentId: string; kind: 'IDEA_PUBLISHED' | 'SCORES' };
  /** A statement of a debate was published (viewers of the debate can vote on it). */
  'debate.statementPublished': { debateId: string; componentId: string; statementId: string };
  /** A debate's analysis (opinion groups, consensus) was recomputed (viewers of the results refetch). */
  'debate.analysisUpdated': {
    debateId: string;
    componentId: string;
    computedAt: string;
    participantCount: number;
  };
  /**
   * A news post became public (at once, or at its scheduled date): recorded once per post
   * (`news_posts.announced_at` is set by the statement that records it); the space's followers are told.
   */
  'news.published': { postId: string; componentId: string; spaceId: string; title: string };
}
export type DomainEventType = keyof DomainEventPayloads;

/** Every event type once (a `Record` so that adding a payload without listing it here fails to compile). */
const EVENT_TYPES: Record<DomainEventType, true> = {
  'proposal.published': true,
  'proposal.supportsChanged': true,
  'proposal.disagreementsChanged': true,
  'proposal.answered': true,
  'comment.created': true,
  'amendment.created': true,
  'amendment.stateChanged': true,
  'motion.lifecycle': true,
  'motion.voted': true,
  'session.revoked': true,
  'dataExport.ready': true,
  'survey.lifecycle': true,
  'petition.signaturesChanged': true,
  'petition.milestone': true,
  'petition.stateChanged': true,
  'meeting.registrants': true,
  'ballot.lifecycle': true,
  'ballot.voted': true,
  'ideaBox.changed': true,
  'debate.statementPublished': true,
  'debate.analysisUpdated': true,
  'news.published': true,
};
/** The domain event types; the API refuses to start when one has no notification handler. */
export const DOMAIN_EVENT_TYPES = Object.keys(EVENT_TYPES) as DomainEventType[];

/** Server → client Socket.IO events. */
export interface ServerToClientEvents {
  /** A new notification for the connected user. */
  notification: (notification: LiveNotification) => void;
  /** Live support count of a proposal the client watches (room `proposal:<id>`). */
  'proposal.supportsChanged': (payload: DomainEventPayloads['proposal.supportsChanged']) => void;
  /** Live « pas d'accord » count of a proposal the client watches (rooms `proposal:<id>`, `component:<id>`). */
  'proposal.disagreementsChanged': (
    payload: DomainEventPayloads['proposal.disagreementsChanged'],
  ) => void;
  /** Live signature count of a petition the client watches (room `petition:<id>`). */
  'petition.signaturesChanged': (
    payload: DomainEventPayloads['petition.signaturesChanged'],
  ) => void;
  /** Live tally of a motion the client watches (room `motion:<id>`). */
  /** Counts are null while the motion hides its tally until close (only the number of voters moves). */
  'motion.tallyChanged': (payload: {
    motionId: string;
    for: number | null;
    against: number | null;
    abstain: number | null;
    voters: number;
  }) => void;
  /**
   * Live turnout of a votation the client watches (rooms `ballot:<id>` and `component:<id>`):
   * voters and their weight, exact (counted by PostgreSQL), and the percentage of the census
   * frozen at opening (null before). Never what was chosen.
   */
  'ballot.turnoutChanged': (payload: {
    ballotId: string;
    voters: number;
    votersWeight: number;
    percent: number | null;
  }) => void;
  /** An amendment of a watched article or proposal (or of a watched component's content) was created, accepted or rejected. */
  'amendment.changed': (payload: {
    amendableType: string;
    amendableId: string;
    amendmentId: string;
  }) => void;
  /** A Boîte à idées of a watched component got a new idea or new scores (room `component:<id>`). */
  'ideaBox.changed': (payload: DomainEventPayloads['ideaBox.changed']) => void;
  /** A statement was published in a debate the client watches (room `debate:<id>`). */
  'debate.statementPublished': (payload: DomainEventPayloads['debate.statementPublished']) => void;
  /** The analysis of a debate the client watches was recomputed (room `debate:<id>`). */
  'debate.analysisUpdated': (payload: DomainEventPayloads['debate.analysisUpdated']) => void;
  /** A comment was added on a resource the client watches (refetch the thread). */
  'comment.created': (payload: {
    commentableType: string;
    commentableId: string;
    commentId: string;
  }) => void;
}

/** Client → server Socket.IO events (each answers through the acknowledgement callback). */
export interface ClientToServerEvents {
  /** Watch a public resource: `proposal:<uuid>`, `motion:<uuid>`, `component:<uuid>`. */
  watch: (room: string, ack: (result: { ok: boolean; error?: string }) => void) => void;
  unwatch: (room: string, ack: (result: { ok: boolean }) => void) => void;
  /** Notifications created after the given one (exclusive), oldest first; all unread ones when null. */
  catchUp: (
    afterNotificationId: string | null,
    ack: (result: { notifications: LiveNotification[] } | { error: string }) => void,
  ) => void;
}

/** A notification as pushed live and listed in the inbox. */
export interface LiveNotification {
  id: string;
  kind: NotificationKind;
  /** Sequence number, increasing in creation order (for catch-up). */
  sequence: number;
  title: string;
  body: string;
  /** Path in the web app to open. */
  link: string;
  createdAt: string;
  readAt: string | null;
}

/** Room names. */
export const Rooms = {
  user: (userId: string) => `user:${userId}`,
  proposal: (id: string) => `proposal:${id}`,
  motion: (id: string) => `motion:${id}`,
  petition: (id: string) => `petition:${id}`,
  debate: (id: string) => `debate:${id}`,
  component: (id: string) => `component:${id}`,
  ballot: (id: string) => `ballot:${id}`,
} as const;

/** Rooms a client may watch (public resources): kind and uuid. */
export const WATCHABLE_ROOM =
  /^(proposal|motion|petition|ballot|debate|component|article|amendment):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
