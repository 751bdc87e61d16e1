import { MeetingAgendaLinkType, SpaceRole } from '@concerto/domain';
import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Authenticated, Public, SpaceRoles } from '../../common/access/access-policy';
import { CurrentViewer, GraphQLContext, Viewer } from '../../common/access/request-context';
import { ActionLogPage } from '../action-log/action-log-query.service';
import { HistoryEntryDto } from '../action-log/dtos/action-log.dto';
import { HistoryService } from '../history/history.service';
import { HISTORY_DESCRIPTION } from '../history/history.resolver';
import {
  MeetingAgendaItemDto,
  MeetingAgendaLinkDto,
  MeetingAttendeeDto,
  MeetingCalendarFeedDto,
  MeetingCalendarFeedSecretDto,
  MeetingClosingReportDto,
  MeetingConnectionDto,
  MeetingDto,
  MeetingSittingDto,
} from './dtos/meeting.dto';
import { MotionDto } from '../motion/dtos/motion.dto';
import { SittingService } from './sitting.service';
import {
  CloseMeetingInput,
  CreateMeetingInput,
  MeetingAgendaFilterInput,
  MeetingAgendaItemInput,
  MeetingAgendaOrder,
  MeetingFieldsInput,
} from './dtos/meeting.inputs';
import { AGENDA_PAGE, MeetingService } from './meeting.service';
import { MeetingCalendarFeedService } from './meeting-calendar-feed.service';

const ADMINS = [SpaceRole.ADMIN];
const MEETING = (id: unknown) => ({ resource: { type: 'MEETING', id: id as string } });

@Resolver(() => MeetingDto)
export class MeetingResolver {
  constructor(private readonly meetingService: MeetingService) {}

  /** Meetings of a MEETINGS component, by start. Access: anyone (drafts and hidden meetings: the space's admins and moderators). Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => [MeetingDto], {
    description:
      'Meetings of a MEETINGS component, by start. Access: anyone (drafts: space admins and moderators). Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  meetings(
    @Args('componentId', { type: () => ID }) componentId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingDto[]> {
    return this.meetingService.list(componentId, viewer);
  }

  /**
   * The « Agenda » page: published meetings of all the spaces the caller may see, keyset-paged.
   * Access: anyone. Errors: BAD_USER_INPUT (first 1–100, filter.to not after filter.from, malformed cursor or space id).
   */
  @Public()
  @Query(() => MeetingConnectionDto, {
    description:
      'Published meetings of every space the caller may see (the « Agenda » page), keyset-paged by start; a fixed number of SQL statements per page. `filter.from`: meetings ending at or after; `filter.to`: starting before. Access: anyone. Errors: BAD_USER_INPUT (first 1–100, to not after from, malformed cursor or spaceId).',
  })
  agendaMeetings(
    @Args('filter', { type: () => MeetingAgendaFilterInput, nullable: true })
    filter: MeetingAgendaFilterInput | null,
    @Args('first', { type: () => Int, defaultValue: AGENDA_PAGE.defaultFirst }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('order', {
      type: () => MeetingAgendaOrder,
      defaultValue: MeetingAgendaOrder.CHRONOLOGICAL,
    })
    order: MeetingAgendaOrder,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingConnectionDto> {
    return this.meetingService.agendaPage(filter ?? {}, first, after ?? null, order, viewer);
  }

  /** The caller's registrations (« Mes inscriptions »): upcoming meetings first. Access: signed-in users. Errors: UNAUTHENTICATED. */
  @Authenticated()
  @Query(() => [MeetingDto], {
    description:
      'The caller’s meeting registrations, upcoming first (at most 200). Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  myMeetingRegistrations(@CurrentViewer() viewer: Viewer): Promise<MeetingDto[]> {
    return this.meetingService.mine(viewer);
  }

  /** One meeting. Access: anyone who may see it. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => MeetingDto, {
    description: 'One meeting. Access: anyone who may see it. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  meeting(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingDto> {
    return this.meetingService.meeting(id, viewer);
  }

  /** Registrations of a meeting (seats in arrival order, then the waiting list) with their codes. Access: space admins, organization admins. Errors: NOT_FOUND, FORBIDDEN. */
  @SpaceRoles(ADMINS, (a) => MEETING(a.meetingId))
  @Query(() => [MeetingAttendeeDto], {
    description:
      'Registrations of a meeting with codes and attendance. Access: space admins. Errors: NOT_FOUND, FORBIDDEN.',
  })
  meetingAttendees(
    @Args('meetingId', { type: () => ID }) meetingId: string,
  ): Promise<MeetingAttendeeDto[]> {
    return this.meetingService.attendees(meetingId);
  }

  /** Creates a meeting (a draft unless published). Access: space admins, organization admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT (field: endsAt, onlineUrl, …). */
  @SpaceRoles(ADMINS, (a) => ({ componentId: a.input?.componentId }))
  @Mutation(() => MeetingDto, {
    description:
      'Create a meeting. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  createMeeting(
    @Args('input') input: CreateMeetingInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<MeetingDto> {
    return this.meetingService.create(input, viewer);
  }

  /** Edits a meeting; a change of time or place bumps its iCalendar SEQUENCE. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT (capacity below the registered count, …). */
  @SpaceRoles(ADMINS, (a) => MEETING(a.id))
  @Mutation(() => MeetingDto, {
    description:
      'Edit a meeting. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  updateMeeting(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: MeetingFieldsInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<MeetingDto> {
    return this.meetingService.update(id, input, viewer);
  }

  /**
   * Replaces a meeting's whole agenda (items, one level of sub-items, linked proposals and motions) in one transaction.
   * Access: space admins, organization admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT (field: `items[i].title`, `items[i].durationMinutes`,
   * `items[i].children[j].children`, `items[i].proposalIds`, …).
   */
  @SpaceRoles(ADMINS, (a) => MEETING(a.meetingId))
  @Mutation(() => MeetingDto, {
    description:
      'Replace a meeting’s whole agenda: titles with visible text, durations of 1–1440 minutes, one level of sub-items fitting in their parent, linked proposals and motions of the same space. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT (extensions.field names the item, e.g. items[0].children[1].durationMinutes).',
  })
  setMeetingAgenda(
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('items', {
      type: () => [MeetingAgendaItemInput],
      description: 'Top-level items in order (an empty list clears the agenda).',
    })
    items: MeetingAgendaItemInput[],
    @CurrentViewer() viewer: Viewer,
  ): Promise<MeetingDto> {
    return this.meetingService.setAgenda(meetingId, items, viewer);
  }

  /**
   * Closes a meeting after its end with its report; the first closing notifies registrants and followers once, a later one edits the report.
   * Access: space admins, organization admins, the meeting's organiser. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, MEETING_NOT_ENDED, CONFLICT (cancelled, unpublished), BAD_USER_INPUT (field: minutes, attendeesCount, contributionsCount, videoUrl, proposalIds).
   */
  @Authenticated()
  @Mutation(() => MeetingDto, {
    description:
      'Close a meeting with its report (minutes, attendees, contributions, linked proposals, https video link); registrants and followers are notified once. Access: space admins and the organiser. Errors: FORBIDDEN, NOT_FOUND, MEETING_NOT_ENDED, CONFLICT, BAD_USER_INPUT.',
  })
  closeMeeting(
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('input') input: CloseMeetingInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<MeetingDto> {
    return this.meetingService.close(meetingId, input, viewer);
  }

  /** Publishes or unpublishes a meeting. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, CONFLICT (unpublishing with registrations). */
  @SpaceRoles(ADMINS, (a) => MEETING(a.id))
  @Mutation(() => MeetingDto, {
    description:
      'Publish or unpublish a meeting. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, CONFLICT.',
  })
  publishMeeting(
    @Args('id', { type: () => ID }) id: string,
    @Args('published', { type: () => Boolean }) published: boolean,
    @CurrentViewer() viewer: Viewer,
  ): Promise<MeetingDto> {
    return this.meetingService.publish(id, published, viewer);
  }

  /** Cancels a meeting and notifies its registrants. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, CONFLICT (already cancelled), BAD_USER_INPUT. */
  @SpaceRoles(ADMINS, (a) => MEETING(a.id))
  @Mutation(() => MeetingDto, {
    description:
      'Cancel a meeting (registrants are notified). Access: space admins. Errors: FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT.',
  })
  cancelMeeting(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', {
      type: () => String,
      nullable: true,
      defaultValue: '',
      description: 'Shown on the meeting page; ≤ 1,000 characters.',
    })
    reason: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<MeetingDto> {
    return this.meetingService.cancel(id, reason ?? '', viewer);
  }

  /**
   * Registers the caller: a seat while seats remain, else the waiting list (in arrival order), else LIMIT_REACHED.
   * Access: signed-in participants. Errors: UNAUTHENTICATED, NOT_FOUND, REGISTRATION_CLOSED, CONFLICT (already registered), LIMIT_REACHED.
   */
  @Authenticated()
  @Mutation(() => MeetingDto, {
    description:
      'Register for a meeting (seat, else waiting list). Access: signed-in participants. Errors: NOT_FOUND, REGISTRATION_CLOSED, CONFLICT, LIMIT_REACHED.',
  })
  registerForMeeting(
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<MeetingDto> {
    return this.meetingService.register(meetingId, viewer);
  }

  /** Cancels the caller's registration before the start; the first waiting registration takes the seat. Access: the registrant. Errors: NOT_FOUND, REGISTRATION_CLOSED. */
  @Authenticated()
  @Mutation(() => MeetingDto, {
    description:
      'Cancel one’s registration (the first waiting person takes the seat). Access: the registrant. Errors: NOT_FOUND, REGISTRATION_CLOSED.',
  })
  cancelMeetingRegistration(
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<MeetingDto> {
    return this.meetingService.cancelRegistration(meetingId, viewer);
  }

  /** Marks the attendance of the registration with this code. Access: space admins of the meeting's space. Errors: FORBIDDEN, NOT_FOUND (no such code for this meeting), CONFLICT (waiting list), BAD_USER_INPUT (field code). */
  @SpaceRoles(ADMINS, (a) => MEETING(a.meetingId))
  @Mutation(() => MeetingAttendeeDto, {
    description:
      'Mark attendance by code. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT.',
  })
  markAttendance(
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('code', { description: 'The 8-character attendance code (case and spaces ignored).' })
    code: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<MeetingAttendeeDto> {
    return this.meetingService.markAttendance(meetingId, code, viewer);
  }
}

/** `Meeting.history`: loaded only when asked for, batched per request. */
@Resolver(() => MeetingDto)
export class MeetingHistoryResolver {
  constructor(private readonly histories: HistoryService) {}

  /** Public history of a meeting (created, published, edited, cancelled; never a registration). Access: as the meeting. Errors: BAD_USER_INPUT. */
  @Public()
  @ResolveField(() => [HistoryEntryDto], { description: HISTORY_DESCRIPTION })
  history(
    @Parent() meeting: MeetingDto,
    @Args('first', { type: () => Int, nullable: true, defaultValue: ActionLogPage.historyDefault })
    first: number,
    @Context() context: GraphQLContext,
  ): Promise<HistoryEntryDto[]> {
    return this.histories.history(context.req, 'MEETING', meeting.id, first);
  }
}

/** `MeetingAgendaItem.links`: the linked proposals and motions with titles, asked of their modules (meant for one meeting's page). */
@Resolver(() => MeetingAgendaItemDto)
export class MeetingAgendaItemResolver {
  constructor(private readonly meetingService: MeetingService) {}

  /** Linked proposals, then motions, that the viewer may see. Access: as the meeting. */
  @Public()
  @ResolveField(() => [MeetingAgendaLinkDto], {
    description:
      'Linked proposals, then motions, with titles and paths; those the viewer may not see are left out. Access: as the meeting. Costs a call per link: for one meeting’s page.',
  })
  async links(
    @Parent() item: MeetingAgendaItemDto,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingAgendaLinkDto[]> {
    return [
      ...(await this.meetingService.linkedResources(
        MeetingAgendaLinkType.PROPOSAL,
        item.proposalIds,
        viewer,
      )),
      ...(await this.meetingService.linkedResources(
        MeetingAgendaLinkType.MOTION,
        item.motionIds,
        viewer,
      )),
    ];
  }
}

/** `MeetingClosingReport.proposals`: the linked proposals with titles. */
@Resolver(() => MeetingClosingReportDto)
export class MeetingClosingReportResolver {
  constructor(private readonly meetingService: MeetingService) {}

  /** Linked proposals the viewer may see. Access: as the meeting. */
  @Public()
  @ResolveField(() => [MeetingAgendaLinkDto], {
    description:
      'Linked proposals with titles and paths; those the viewer may not see are left out. Access: as the meeting.',
  })
  proposals(
    @Parent() report: MeetingClosingReportDto,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingAgendaLinkDto[]> {
    return this.meetingService.linkedResources(
      MeetingAgendaLinkType.PROPOSAL,
      report.proposalIds,
      viewer,
    );
  }
}

/** The caller's private calendar feed of registrations. */
@Resolver(() => MeetingCalendarFeedDto)
export class MeetingCalendarFeedResolver {
  constructor(private readonly feeds: MeetingCalendarFeedService) {}

  /** The caller's feed (without its URL), or null. Access: signed-in users. Errors: UNAUTHENTICATED. */
  @Authenticated()
  @Query(() => MeetingCalendarFeedDto, {
    nullable: true,
    description:
      'The caller’s private calendar feed (when made; the URL is not kept), or null. Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  myMeetingCalendarFeed(@CurrentViewer() viewer: Viewer): Promise<MeetingCalendarFeedDto | null> {
    return this.feeds.status(viewer);
  }

  /** Makes the caller's private feed URL, or replaces it (the old URL stops working). Access: signed-in users. Errors: UNAUTHENTICATED. */
  @Authenticated()
  @Mutation(() => MeetingCalendarFeedSecretDto, {
    description:
      'Make (or replace) the caller’s private iCalendar feed of registrations; the URL is shown this once and the previous one stops working. Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  rotateMeetingCalendarFeed(
    @CurrentViewer() viewer: Viewer,
  ): Promise<MeetingCalendarFeedSecretDto> {
    return this.feeds.rotate(viewer);
  }

  /** Revokes the caller's private feed (its URL answers 404). Access: signed-in users. Errors: UNAUTHENTICATED. */
  @Authenticated()
  @Mutation(() => Boolean, {
    description:
      'Revoke the caller’s private calendar feed (its URL then answers 404); false when there was none. Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  revokeMeetingCalendarFeed(@CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.feeds.revoke(viewer);
  }
}

/** Assemblée sittings: `Meeting.sitting` and the chair's opening and closing of votes. */
@Resolver(() => MeetingDto)
export class MeetingSittingResolver {
  constructor(private readonly sittings: SittingService) {}

  /** The sitting's motions, attendance and minutes; null when the meeting is not a sitting. Access: as the meeting. */
  @Public()
  @ResolveField(() => MeetingSittingDto, {
    nullable: true,
    description:
      'An Assemblée sitting: agenda motions with state and result, people present, minutes. Null when not a sitting. Access: as the meeting.',
  })
  sitting(
    @Parent() meeting: MeetingDto,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingSittingDto | null> {
    return meeting.isSitting ? this.sittings.view(meeting.id, viewer) : Promise.resolve(null);
  }

  /** Opens the vote on an agenda motion during the sitting (now → the sitting's end, or the chair's close). Access: space admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT (not a sitting), SITTING_NOT_ONGOING, MOTION_NOT_ON_AGENDA, CONFLICT (already opened). */
  @SpaceRoles(ADMINS, (a) => MEETING(a.meetingId))
  @Mutation(() => MotionDto, {
    description:
      'Open the vote on an agenda motion during an Assemblée sitting. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, SITTING_NOT_ONGOING, MOTION_NOT_ON_AGENDA, CONFLICT.',
  })
  openMotionInSitting(
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('motionId', { type: () => ID }) motionId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<MotionDto> {
    return this.sittings.openMotion(meetingId, motionId, viewer);
  }

  /** Closes, now, the vote on a motion opened in this sitting; its result is frozen at once. Access: space admins. Errors: as openMotionInSitting, MOTION_NOT_OPEN, MOTION_CLOSED. */
  @SpaceRoles(ADMINS, (a) => MEETING(a.meetingId))
  @Mutation(() => MotionDto, {
    description:
      'Close, now, the vote on a motion opened in this sitting (result frozen at once). Access: space admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, SITTING_NOT_ONGOING, MOTION_NOT_ON_AGENDA, MOTION_NOT_OPEN, MOTION_CLOSED.',
  })
  closeMotionInSitting(
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('motionId', { type: () => ID }) motionId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<MotionDto> {
    return this.sittings.closeMotion(meetingId, motionId, viewer);
  }
}
