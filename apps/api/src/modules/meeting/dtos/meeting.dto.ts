import { MeetingState, MeetingType, RegistrationStatus } from '@concerto/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

registerEnumType(MeetingType, { name: 'MeetingType', description: 'IN_PERSON (address), ONLINE (a URL) or HYBRID (both).' });
registerEnumType(MeetingState, { name: 'MeetingState', description: 'Derived at read time from PostgreSQL’s clock and startsAt/endsAt.' });
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus', description: 'REGISTERED holds a seat; WAITLISTED waits for one, in arrival order.' });

@ObjectType('MeetingAgendaItem', { description: 'One item of a meeting’s agenda (ordre du jour), in order.' })
export class MeetingAgendaItemDto {
  @Field(() => Int) position!: number;
  @Field() title!: string;
  @Field(() => Int, { description: 'Planned duration in minutes (0 = not given).' }) durationMinutes!: number;
}

@ObjectType('MeetingRegistration', { description: 'A registration for a meeting: a seat held, or a place in the waiting list.' })
export class MeetingRegistrationDto {
  @Field(() => ID) id!: string;
  @Field(() => RegistrationStatus) status!: RegistrationStatus;
  @Field({ description: 'Attendance code (8 characters) the organiser types or scans at the door.' }) code!: string;
  @Field(() => Int, { nullable: true, description: 'Place in the waiting list (1 = next to get a seat); null when registered.' }) waitlistPosition!: number | null;
  @Field(() => Date, { nullable: true, description: 'When the organiser marked the attendance.' }) attendedAt!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType('MeetingAttendee', { description: 'A registration as the organisers see it (space admins).' })
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
  @Field({ description: 'Place name (« Ministère des Solidarités et de la Santé, salle Laroque »).' }) location!: string;
  @Field({ description: 'Access notes (floor, badge, accessibility).' }) locationHints!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The online URL: to registrants from 15 minutes before the start, to everyone when registration is off, always to the space’s admins; null otherwise.',
  })
  onlineUrl!: string | null;
  @Field({ description: 'Whether the meeting has an online URL (ONLINE, HYBRID), shown or not.' }) hasOnlineUrl!: boolean;
  @Field({ description: 'Start (UTC instant).' }) startsAt!: Date;
  @Field({ description: 'End (UTC instant), after the start.' }) endsAt!: Date;
  @Field(() => MeetingState) state!: MeetingState;
  @Field() published!: boolean;
  @Field() cancelled!: boolean;
  @Field() cancellationReason!: string;
  @Field() hidden!: boolean;
  @Field({ description: 'Registrations are used for this meeting.' }) registrationsEnabled!: boolean;
  @Field(() => Int, { description: 'Seats; 0 = unlimited.' }) capacity!: number;
  @Field(() => Date, { nullable: true }) registrationsOpenAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Registrations close then, or at the start when not given.' }) registrationsCloseAt!: Date | null;
  @Field({ description: 'Registrations are open now (on PostgreSQL’s clock).' }) registrationsOpen!: boolean;
  @Field({ description: 'A registration that finds no seat waits (true) or is refused (false).' }) waitlistEnabled!: boolean;
  @Field(() => Int, { description: 'Registrations holding a seat (exact count).' }) registeredCount!: number;
  @Field(() => Int, { description: 'Registrations waiting for a seat (exact count).' }) waitlistedCount!: number;
  @Field(() => Int, { description: 'Registrations marked present (exact count).' }) attendedCount!: number;
  @Field(() => Int, { nullable: true, description: 'Seats left; null when unlimited.' }) seatsLeft!: number | null;
  @Field(() => Int) commentsCount!: number;
  @Field(() => Int) followsCount!: number;
  @Field(() => [MeetingAgendaItemDto]) agenda!: MeetingAgendaItemDto[];
  @Field(() => MeetingRegistrationDto, { nullable: true, description: 'The caller’s registration, or null.' }) viewerRegistration!: MeetingRegistrationDto | null;
  @Field({ description: 'The caller may edit this meeting and mark attendance (space admin, organization admin).' }) viewerCanAdminister!: boolean;
  @Field({ description: 'Path of the meeting’s calendar file (iCalendar).' }) icsPath!: string;
  @Field({ description: 'Path of the meeting’s page in the web app.' }) path!: string;
}
