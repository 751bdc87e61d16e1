import { MeetingLimits, MeetingType } from '@concerto/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { trimmedText } from '../../../common/validation/visible-text';

@InputType({ description: 'One agenda item.' })
export class MeetingAgendaItemInput {
  @Field({ description: '1–200 characters.' }) @Transform(trimmedText) @IsString() @MinLength(1) @MaxLength(MeetingLimits.agendaTitleMaxLength) title!: string;
  @Field(() => Int, { nullable: true, description: 'Minutes, 0–1440.' }) @IsOptional() @IsInt() @Min(0) @Max(1440) durationMinutes?: number;
}

@InputType({ description: 'Meeting fields; absent fields stay as they are (explicit null clears an optional date or URL).' })
export class MeetingFieldsInput {
  @Field({ nullable: true, description: '3–150 characters.' }) @IsOptional() @Transform(trimmedText) @IsString() @MinLength(MeetingLimits.titleMinLength) @MaxLength(MeetingLimits.titleMaxLength) title?: string;
  @Field({ nullable: true, description: 'Rich text (HTML or plain text), sanitised on the server.' }) @IsOptional() @IsString() @MaxLength(MeetingLimits.descriptionMaxLength * 2) description?: string;
  @Field(() => MeetingType, { nullable: true }) @IsOptional() @IsEnum(MeetingType) type?: MeetingType;
  @Field({ nullable: true }) @IsOptional() @Transform(trimmedText) @IsString() @MaxLength(MeetingLimits.addressMaxLength) address?: string;
  @Field({ nullable: true }) @IsOptional() @Transform(trimmedText) @IsString() @MaxLength(MeetingLimits.locationMaxLength) location?: string;
  @Field({ nullable: true }) @IsOptional() @Transform(trimmedText) @IsString() @MaxLength(MeetingLimits.locationHintsMaxLength) locationHints?: string;
  @Field(() => String, { nullable: true, description: 'http(s) URL; required for ONLINE and HYBRID.' }) @IsOptional() @IsString() @MaxLength(MeetingLimits.onlineUrlMaxLength) onlineUrl?: string | null;
  @Field(() => Date, { nullable: true, description: 'Start (ISO 8601 with offset).' }) @IsOptional() @IsDate() startsAt?: Date;
  @Field(() => Date, { nullable: true, description: 'End, after the start (ISO 8601 with offset).' }) @IsOptional() @IsDate() endsAt?: Date;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() registrationsEnabled?: boolean;
  @Field(() => Int, { nullable: true, description: 'Seats, 0 = unlimited; not below the registered count.' }) @IsOptional() @IsInt() @Min(0) @Max(MeetingLimits.capacityMax) capacity?: number;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() registrationsOpenAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Default: the start.' }) @IsOptional() @IsDate() registrationsCloseAt?: Date | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() waitlistEnabled?: boolean;
  @Field(() => [MeetingAgendaItemInput], { nullable: true, description: 'The whole agenda, in order (replaces the previous one).' })
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
  @Field({ nullable: true, description: 'Publish at once (default: false, a draft only admins see).' }) @IsOptional() @IsBoolean() published?: boolean;
}
