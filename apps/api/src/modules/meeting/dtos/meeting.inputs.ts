import { MeetingLimits, MeetingType } from '@concerto/domain';
import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { trimmedText } from '../../../common/validation/visible-text';

@InputType({
  description: 'One agenda item; a top-level item may hold sub-items (one level only).',
})
export class MeetingAgendaItemInput {
  @Field({ description: '1–200 visible characters.' })
  @Transform(trimmedText)
  @IsString()
  @MaxLength(MeetingLimits.agendaTitleMaxLength)
  title!: string;
  @Field(() => Int, { description: 'Planned minutes, 1–1440.' }) @IsInt() durationMinutes!: number;
  @Field(() => [ID], {
    nullable: true,
    description: 'Proposals of the same space this item deals with (at most 20).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MeetingLimits.agendaLinksMax)
  @IsString({ each: true })
  proposalIds?: string[];
  @Field(() => [ID], {
    nullable: true,
    description: 'Motions of the same space this item deals with (at most 20).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MeetingLimits.agendaLinksMax)
  @IsString({ each: true })
  motionIds?: string[];
  @Field(() => [MeetingAgendaItemInput], {
    nullable: true,
    description: 'Sub-items, in order; a sub-item may not have sub-items itself (BAD_USER_INPUT).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MeetingLimits.agendaItemsMax)
  @ValidateNested({ each: true })
  @Type(() => MeetingAgendaItemInput)
  children?: MeetingAgendaItemInput[];
}

@InputType({ description: 'A closing report.' })
export class CloseMeetingInput {
  @Field({
    description:
      'Minutes (compte rendu): rich text (HTML or plain text), sanitised on the server; at most 20,000 visible characters.',
  })
  @IsString()
  @MaxLength(MeetingLimits.closingMinutesMaxLength * 2)
  minutes!: string;
  @Field(() => Int, { description: 'Attendees counted, 0–1,000,000.' })
  @IsInt()
  attendeesCount!: number;
  @Field(() => Int, { description: 'Contributions counted, 0–1,000,000.' })
  @IsInt()
  contributionsCount!: number;
  @Field(() => [ID], {
    nullable: true,
    description: 'Proposals of the same space the meeting dealt with (at most 50).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MeetingLimits.closingProposalsMax)
  @IsString({ each: true })
  proposalIds?: string[];
  @Field(() => String, {
    nullable: true,
    description: 'Recording: an https URL (≤ 500 characters), or null.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MeetingLimits.onlineUrlMaxLength)
  videoUrl?: string | null;
}

@InputType({
  description:
    'Meeting fields; absent fields stay as they are (explicit null clears an optional date or URL).',
})
export class MeetingFieldsInput {
  @Field({ nullable: true, description: '3–150 characters.' })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MinLength(MeetingLimits.titleMinLength)
  @MaxLength(MeetingLimits.titleMaxLength)
  title?: string;
  @Field({
    nullable: true,
    description: 'Rich text (HTML or plain text), sanitised on the server.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MeetingLimits.descriptionMaxLength * 2)
  description?: string;
  @Field(() => MeetingType, { nullable: true })
  @IsOptional()
  @IsEnum(MeetingType)
  type?: MeetingType;
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MaxLength(MeetingLimits.addressMaxLength)
  address?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MaxLength(MeetingLimits.locationMaxLength)
  location?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MaxLength(MeetingLimits.locationHintsMaxLength)
  locationHints?: string;
  @Field(() => String, {
    nullable: true,
    description: 'http(s) URL; required for ONLINE and HYBRID.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MeetingLimits.onlineUrlMaxLength)
  onlineUrl?: string | null;
  @Field(() => Date, { nullable: true, description: 'Start (ISO 8601 with offset).' })
  @IsOptional()
  @IsDate()
  startsAt?: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'End, after the start (ISO 8601 with offset).',
  })
  @IsOptional()
  @IsDate()
  endsAt?: Date;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() registrationsEnabled?: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'Seats, 0 = unlimited; not below the registered count.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MeetingLimits.capacityMax)
  capacity?: number;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() registrationsOpenAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Default: the start.' })
  @IsOptional()
  @IsDate()
  registrationsCloseAt?: Date | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() waitlistEnabled?: boolean;
  @Field({
    nullable: true,
    description:
      'A sitting (séance) of the Assemblée: only in an ASSEMBLY space; its agenda motions are opened and closed by the chair.',
  })
  @IsOptional()
  @IsBoolean()
  isSitting?: boolean;
  @Field(() => [MeetingAgendaItemInput], {
    nullable: true,
    description: 'The whole agenda, in order (replaces the previous one).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MeetingLimits.agendaItemsMax)
  @ValidateNested({ each: true })
  @Type(() => MeetingAgendaItemInput)
  agenda?: MeetingAgendaItemInput[];
}

@InputType()
export class CreateMeetingInput extends MeetingFieldsInput {
  @Field(() => ID) @IsUUID() componentId!: string;
  @Field({
    nullable: true,
    description: 'Publish at once (default: false, a draft only admins see).',
  })
  @IsOptional()
  @IsBoolean()
  published?: boolean;
}

/** Order of the « Agenda » page. */
export enum MeetingAgendaOrder {
  /** Soonest start first (upcoming meetings, a month). */
  CHRONOLOGICAL = 'CHRONOLOGICAL',
  /** Latest start first (past meetings). */
  REVERSE_CHRONOLOGICAL = 'REVERSE_CHRONOLOGICAL',
}
registerEnumType(MeetingAgendaOrder, {
  name: 'MeetingAgendaOrder',
  description: 'CHRONOLOGICAL (soonest first) or REVERSE_CHRONOLOGICAL (latest first).',
});

@InputType({ description: 'Filters of the « Agenda » page; all optional.' })
export class MeetingAgendaFilterInput {
  @Field(() => Date, { nullable: true, description: 'Meetings that end at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Meetings that start before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
  @Field(() => MeetingType, { nullable: true })
  @IsOptional()
  @IsEnum(MeetingType)
  type?: MeetingType | null;
  @Field(() => ID, { nullable: true, description: 'One space’s meetings.' })
  @IsOptional()
  @IsString()
  spaceId?: string | null;
}
