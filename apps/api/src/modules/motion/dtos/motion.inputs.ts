import { MotionLimits, MotionMajority, QuorumBasis } from '@concerto/domain';
import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { trimmedText } from '../../../common/validation/visible-text';
import { HasAtMostDecimals } from '../../../common/validation/decimals';
import { IsIsoInstant } from '../../../common/validation/iso-instant';

@InputType({
  description:
    'Fields of a motion. opensAt and closesAt are both given (scheduled) or both null (draft).',
})
export class MotionFieldsInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MinLength(MotionLimits.titleMinLength)
  @MaxLength(MotionLimits.titleMaxLength)
  title?: string;
  @Field({ nullable: true, description: 'Rich text, sanitised by the server.' })
  @IsOptional()
  @IsString()
  @MaxLength(MotionLimits.bodyMaxLength)
  body?: string;
  @Field(() => String, {
    nullable: true,
    description: 'ISO 8601 date-time with offset (stored in UTC).',
  })
  @IsOptional()
  @IsIsoInstant()
  opensAt?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'ISO 8601 date-time with offset; after opensAt.',
  })
  @IsOptional()
  @IsIsoInstant()
  closesAt?: string | null;
  @Field(() => MotionMajority, { nullable: true })
  @IsOptional()
  @IsEnum(MotionMajority)
  majority?: MotionMajority;
  @Field(() => Float, { nullable: true, description: '0–100, 2 decimals.' })
  @IsOptional()
  @IsNumber()
  @HasAtMostDecimals(2)
  @Min(0)
  @Max(100)
  quorumPercent?: number;
  @Field(() => QuorumBasis, {
    nullable: true,
    description:
      'VOTING (default): the quorum counts voters; PRESENT: members present at the sitting or voting.',
  })
  @IsOptional()
  @IsEnum(QuorumBasis)
  quorumBasis?: QuorumBasis;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() secretBallot?: boolean;
  @Field({
    nullable: true,
    description: 'Always true for a secret ballot (its live tally would reveal who voted what).',
  })
  @IsOptional()
  @IsBoolean()
  hideTallyUntilClosed?: boolean;
}

@InputType({ description: 'A new motion in a MOTIONS component.' })
export class CreateMotionInput {
  @Field(() => ID) @IsUUID() componentId!: string;
  @Field()
  @Transform(trimmedText)
  @IsString()
  @MinLength(MotionLimits.titleMinLength)
  @MaxLength(MotionLimits.titleMaxLength)
  title!: string;
  @Field({ description: 'Rich text, sanitised by the server.' })
  @IsString()
  @MaxLength(MotionLimits.bodyMaxLength)
  body!: string;
  @Field(() => String, {
    nullable: true,
    description: 'ISO 8601 date-time with offset (stored in UTC); null with closesAt null → draft.',
  })
  @IsOptional()
  @IsIsoInstant()
  opensAt?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'ISO 8601 date-time with offset; after opensAt.',
  })
  @IsOptional()
  @IsIsoInstant()
  closesAt?: string | null;
  @Field(() => MotionMajority, { nullable: true, defaultValue: MotionMajority.SIMPLE })
  @IsOptional()
  @IsEnum(MotionMajority)
  majority?: MotionMajority;
  @Field(() => Float, { nullable: true, defaultValue: 0, description: '0–100, 2 decimals.' })
  @IsOptional()
  @IsNumber()
  @HasAtMostDecimals(2)
  @Min(0)
  @Max(100)
  quorumPercent?: number;
  @Field(() => QuorumBasis, {
    nullable: true,
    description:
      'VOTING (default): the quorum counts voters; PRESENT: members present at the sitting or voting.',
  })
  @IsOptional()
  @IsEnum(QuorumBasis)
  quorumBasis?: QuorumBasis;
  @Field({ nullable: true, defaultValue: false }) @IsOptional() @IsBoolean() secretBallot?: boolean;
  @Field({
    nullable: true,
    defaultValue: false,
    description: 'Always true for a secret ballot (its live tally would reveal who voted what).',
  })
  @IsOptional()
  @IsBoolean()
  hideTallyUntilClosed?: boolean;
}

@InputType({ description: 'Changes to a motion that has not opened yet; omitted fields stay.' })
export class UpdateMotionInput extends MotionFieldsInput {}
