import {
  MeetingAgendaLinkType,
  MeetingState,
  MeetingType,
  RegistrationStatus,
} from '@concerto/domain';
import { MotionDto } from '../../motion/dtos/motion.dto';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoDto } from '../../../common/graphql/page-info.dto';

registerEnumType(MeetingType, {
  name: 'MeetingType',
  description: 'IN_PERSON (address), ONLINE (a URL) or HYBRID (both).',
});
registerEnumType(MeetingState, {
  name: 'MeetingState',
  description: 'Derived at read time from PostgreSQL’s clock and startsAt/endsAt.',
});
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'REGISTERED holds a seat; WAITLISTED waits for one, in arrival order.',
});

registerEnumType(MeetingAgendaLinkType, {
  name: 'MeetingAgendaLinkType',
  description: 'What an agenda item links to: a PROPOSAL or a MOTION.',
});

@ObjectType('MeetingAgendaLink', {
  description: 'A proposal or motion an agenda item deals with, as the viewer may see it.',
})
export class MeetingAgendaLinkDto {
  @Field(() => MeetingAgendaLinkType) type!: MeetingAgendaLinkType;
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field({ description: 'Path of its page in the web app.' }) path!: string;
}

@ObjectType('MeetingAgendaItem', {
  description:
    'One item of a meeting’s agenda (ordre du jour), in order; top-level items may hold one level of sub-items.',
})
export class MeetingAgendaItemDto {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Position among its siblings, from 0.' }) position!: number;
  @Field() title!: string;
  @Field(() => Int, {
    description:
      'Planned duration in minutes (0 only on agendas written before durations were required).',
  })
  durationMinutes!: number;
  @Field({
    description:
      'Planned start: the meeting’s start plus the durations of the items before it (a sub-item: its parent’s start plus its earlier siblings).',
  })
  startsAt!: Date;
  @Field({ description: 'Planned end: startsAt + durationMinutes.' }) endsAt!: Date;
  @Field(() => [ID], { description: 'Linked proposals (ids, in order).' }) proposalIds!: string[];
  @Field(() => [ID], { description: 'Linked motions (ids, in order).' }) motionIds!: string[];
  @Field(() => [MeetingAgendaItemDto], {
    description: 'Sub-items, in order (always empty on a sub-item).',
  })
  children!: MeetingAgendaItemDto[];
}

@ObjectType('MeetingClosingReport', {
  description: 'The report an organiser writes after a meeting ends.',
})
export class MeetingClosingReportDto {
  @Field({ description: 'When the meeting was first closed.' }) closedAt!: Date;
  @Field({ description: 'Minutes (compte rendu), sanitised HTML.' }) minutes!: string;
  @Field(() => Int, { description: 'Number of attendees, as the organiser counted them.' })
  attendeesCount!: number;
  @Field(() => Int, {
    description: 'Number of contributions (interventions, ideas) the organiser counted.',
  })
  contributionsCount!: number;
  @Field(() => String, { nullable: true, description: 'Recording (https URL), or null.' })
  videoUrl!: string | null;
  @Field(() => [ID], {
    description: 'Proposals the meeting dealt with or gave rise to (ids, in order).',
  })
  proposalIds!: string[];
}

@ObjectType('MeetingRegistration', {
  description: 'A registration for a meeting: a seat held, or a place in the waiting list.',
})
export class MeetingRegistrationDto {
  @Field(() => ID) id!: string;
  @Field(() => RegistrationStatus) status!: RegistrationStatus;
  @Field({
    description: 'Attendance code (8 characters) the organiser types or scans at the door.',
  })
  code!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Place in the waiting list (1 = next to get a seat); null when registered.',
  })
  waitlistPosition!: number | null;
  @Field(() => Date, { nullable: true, description: 'When the organiser marked the attendance.' })
  attendedAt!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType('MeetingAttendee', {
  description: 'A registration as the organisers see it (space admins).',
})
export class MeetingAttendeeDto {
  @Field(() => ID) registrationId!: string;
  @Field() name!: string;
  @Field(() => RegistrationStatus) status!: RegistrationStatus;
  @Field() code!: string;
  @Field(() => Int, { nullable: true }) waitlistPosition!: number | null;
  @Field(() => Date, { nullable: true }) attendedAt!: Date | null;
}

@ObjectType('Meeting', { description: 'A meeting (Rencontre) of a MEETINGS component.' })
export class MeetingDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) componentId!: string;
  @Field(() => ID) spaceId!: string;
  @Field() title!: string;
  @Field({ description: 'Sanitised HTML.' }) description!: string;
  @Field(() => MeetingType) type!: MeetingType;
  @Field({ description: 'Postal address (in person, hybrid); empty otherwise.' }) address!: string;
  @Field({
    description: 'Place name (« Ministère des Solidarités et de la Santé, salle Laroque »).',
  })
  location!: string;
  @Field({ description: 'Access notes (floor, badge, accessibility).' }) locationHints!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The online URL: to registrants from 15 minutes before the start, to everyone when registration is off, always to the space’s admins; null otherwise.',
  })
  onlineUrl!: string | null;
  @Field({ description: 'Whether the meeting has an online URL (ONLINE, HYBRID), shown or not.' })
  hasOnlineUrl!: boolean;
  @Field({ description: 'Start (UTC instant).' }) startsAt!: Date;
  @Field({ description: 'End (UTC instant), after the start.' }) endsAt!: Date;
  @Field(() => MeetingState) state!: MeetingState;
  @Field() published!: boolean;
  @Field() cancelled!: boolean;
  @Field() cancellationReason!: string;
  @Field() hidden!: boolean;
  @Field({ description: 'Registrations are used for this meeting.' })
  registrationsEnabled!: boolean;
  @Field(() => Int, { description: 'Seats; 0 = unlimited.' }) capacity!: number;
  @Field(() => Date, { nullable: true }) registrationsOpenAt!: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: 'Registrations close then, or at the start when not given.',
  })
  registrationsCloseAt!: Date | null;
  @Field({ description: 'Registrations are open now (on PostgreSQL’s clock).' })
  registrationsOpen!: boolean;
  @Field({ description: 'A registration that finds no seat waits (true) or is refused (false).' })
  waitlistEnabled!: boolean;
  @Field({ description: 'A sitting (séance) of the Assemblée.' })
  isSitting!: boolean;
  @Field(() => Int, { description: 'Registrations holding a seat (exact count).' })
  registeredCount!: number;
  @Field(() => Int, { description: 'Registrations waiting for a seat (exact count).' })
  waitlistedCount!: number;
  @Field(() => Int, { description: 'Registrations marked present (exact count).' })
  attendedCount!: number;
  @Field(() => Int, { nullable: true, description: 'Seats left; null when unlimited.' })
  seatsLeft!: number | null;
  @Field(() => Int) commentsCount!: number;
  @Field(() => Int) followsCount!: number;
  @Field(() => [MeetingAgendaItemDto], {
    description: 'The agenda: top-level items in order, each with its sub-items.',
  })
  agenda!: MeetingAgendaItemDto[];
  @Field(() => MeetingClosingReportDto, {
    nullable: true,
    description: 'The closing report, once the meeting is closed; null before.',
  })
  closingReport!: MeetingClosingReportDto | null;
  @Field(() => Int, {
    description:
      'iCalendar SEQUENCE: bumped when the time or place changes or the meeting is cancelled.',
  })
  sequence!: number;
  @Field(() => MeetingRegistrationDto, {
    nullable: true,
    description: 'The caller’s registration, or null.',
  })
  viewerRegistration!: MeetingRegistrationDto | null;
  @Field({
    description:
      'The caller may edit this meeting and mark attendance (space admin, organization admin).',
  })
  viewerCanAdminister!: boolean;
  @Field({ description: 'Path of the meeting’s calendar file (iCalendar).' }) icsPath!: string;
  @Field({ description: 'Path of the meeting’s page in the web app.' }) path!: string;
}

@ObjectType('MeetingEdge')
export class MeetingEdgeDto {
  @Field(() => MeetingDto) node!: MeetingDto;
  @Field({ description: 'Opaque cursor of this meeting in its order.' }) cursor!: string;
}

@ObjectType('MeetingConnection', {
  description: 'A keyset-paged list of meetings (the « Agenda » page).',
})
export class MeetingConnectionDto {
  @Field(() => [MeetingEdgeDto]) edges!: MeetingEdgeDto[];
  @Field(() => PageInfoDto) pageInfo!: PageInfoDto;
}

@ObjectType('MeetingCalendarFeed', {
  description:
    'The caller’s private calendar feed (its URL is shown only when made: only a hash of its token is kept).',
})
export class MeetingCalendarFeedDto {
  @Field({ description: 'When the current URL was made.' }) createdAt!: Date;
}

@ObjectType('MeetingCalendarFeedSecret', {
  description: 'A freshly made private feed URL: shown this once.',
})
export class MeetingCalendarFeedSecretDto {
  @Field({
    description:
      'Absolute URL of the iCalendar feed of the caller’s registrations; anyone holding it reads the feed.',
  })
  url!: string;
  @Field() createdAt!: Date;
}

@ObjectType('MeetingSitting', {
  description: 'An Assemblée sitting (séance): its agenda motions, who is present, its minutes.',
})
export class MeetingSittingDto {
  @Field(() => [MotionDto], {
    description: 'Motions on the agenda, in agenda order, with their state and result.',
  })
  motions!: MotionDto[];
  @Field(() => [String], { description: 'Names of the people marked present, by name.' })
  present!: string[];
  @Field({
    description:
      'Minutes (Markdown, French): agenda, members present, each motion’s result; joined to the Assemblée’s procès-verbal.',
  })
  minutes!: string;
}
