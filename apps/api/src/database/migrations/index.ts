import { InitialSchema1764430000000 } from './1764430000000-initial-schema';
import { Notifications1764470000000 } from './1764470000000-notifications';
import { ProposalsSupportsCommentsModeration1764440000000 } from './1764440000000-proposals-supports-comments-moderation';
import { Surveys1764450000000 } from './1764450000000-surveys';
import { SurveyEvents1764500000000 } from './1764500000000-survey-events';
import { PersonalDataRights1764510000000 } from './1764510000000-personal-data-rights';
import { ActionLogIndexes1764520000000 } from './1764520000000-action-log-indexes';
import { SecretBallotTallyHidden1764540000000 } from './1764540000000-secret-ballot-tally-hidden';
import { AccountRecovery1765300000000 } from './1765300000000-account-recovery';
import { MotionsVotes1764460000000 } from './1764460000000-motions-votes';
import { ActionLogAppendOnly1764490000000 } from './1764490000000-action-log-append-only';
import { ParticipatoryTextsAmendments1764480000000 } from './1764480000000-participatory-texts-amendments';
import { ModerationComponent1765000000000 } from './1765000000000-moderation-component';
import { DomainEventRequestId1765100000000 } from './1765100000000-domain-event-request-id';
import { MemberProfiles1765400000000 } from './1765400000000-member-profiles';
import { Ballots1765600000000 } from './1765600000000-ballots';
import { SurveyFollows1765650000000 } from './1765650000000-survey-follows';
import { Petitions1765700000000 } from './1765700000000-petitions';
import { PetitionTypeSecondStage1765750000000 } from './1765750000000-petition-type-second-stage';
import { Ideas1765970000000 } from './1765970000000-ideas';
import { Meetings1765800000000 } from './1765800000000-meetings';
import { Search1765850000000 } from './1765850000000-search';
import { BallotTypologyCensus1765900000000 } from './1765900000000-ballot-typology-census';
import { BallotCapabilities1765910000000 } from './1765910000000-ballot-capabilities';
import { Debates1765950000000 } from './1765950000000-debates';
import { BallotCensusInvitations1765990000000 } from './1765990000000-ballot-census-invitations';
import { BallotInvitationRetries1766000100000 } from './1766000100000-ballot-invitation-retries';
import { ProposalCursorKey1766000200000 } from './1766000200000-proposal-cursor-key';
import { ProposalCounts1766000300000 } from './1766000300000-proposal-counts';
import { ProposalVisibleStateIndex1766000400000 } from './1766000400000-proposal-visible-state-index';
import { PetitionSecondStage1766000000000 } from './1766000000000-petition-second-stage';

import { News1766200000000 } from './1766200000000-news';
import { ProposalDisagreements1766300000000 } from './1766300000000-proposal-disagreements';
import { Identities1766400000000 } from './1766400000000-identities';
import { MeetingAgendaClosing1766200100000 } from './1766200100000-meeting-agenda-closing';
import { MeetingCalendarFeeds1766200200000 } from './1766200200000-meeting-calendar-feeds';
import { ProposalSupportFunctions1766500000000 } from './1766500000000-proposal-support-functions';
import { AssemblySittings1766600000000 } from './1766600000000-assembly-sittings';
import { DebateVoteChanges1766610000000 } from './1766610000000-debate-vote-changes';
import { Newsletters1766700000000 } from './1766700000000-newsletters';
import { ReportDismissals1766800000000 } from './1766800000000-report-dismissals';
import { UserBlocks1766900000000 } from './1766900000000-user-blocks';
import { BlockedAuthors1766900100000 } from './1766900100000-blocked-authors';
import { AmendmentModeration1766900200000 } from './1766900200000-amendment-moderation';
import { NotificationSubjects1766900300000 } from './1766900300000-notification-subjects';
/** Every migration, in order. Never edit a committed migration: add a new one. */
export const migrations = [
  InitialSchema1764430000000,
  ProposalsSupportsCommentsModeration1764440000000,
  Surveys1764450000000,
  MotionsVotes1764460000000,
  Notifications1764470000000,
  ParticipatoryTextsAmendments1764480000000,
  ActionLogAppendOnly1764490000000,
  SurveyEvents1764500000000,
  PersonalDataRights1764510000000,
  ActionLogIndexes1764520000000,
  SecretBallotTallyHidden1764540000000,
  ModerationComponent1765000000000,
  DomainEventRequestId1765100000000,
  AccountRecovery1765300000000,
  MemberProfiles1765400000000,
  Ballots1765600000000,
  SurveyFollows1765650000000,
  Petitions1765700000000,
  PetitionTypeSecondStage1765750000000,
  Meetings1765800000000,
  Search1765850000000,
  BallotTypologyCensus1765900000000,
  BallotCapabilities1765910000000,
  Ideas1765970000000,
  Debates1765950000000,
  BallotCensusInvitations1765990000000,
  BallotInvitationRetries1766000100000,
  ProposalCursorKey1766000200000,
  ProposalCounts1766000300000,
  ProposalVisibleStateIndex1766000400000,
  PetitionSecondStage1766000000000,
  News1766200000000,
  MeetingAgendaClosing1766200100000,
  MeetingCalendarFeeds1766200200000,
  ProposalDisagreements1766300000000,
  Identities1766400000000,
  ProposalSupportFunctions1766500000000,
  AssemblySittings1766600000000,
  DebateVoteChanges1766610000000,
  Newsletters1766700000000,
  ReportDismissals1766800000000,
  UserBlocks1766900000000,
  BlockedAuthors1766900100000,
  AmendmentModeration1766900200000,
  NotificationSubjects1766900300000,
];
