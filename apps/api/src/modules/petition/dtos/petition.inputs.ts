import { PetitionLimits, PetitionSigners } from '@concerto/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { trimmedText } from '../../../common/validation/visible-text';
import { type PetitionOutcomeType, PetitionOutcomeTypeEnum } from './petition.dto';

@InputType({ description: 'A petition type of a PETITIONS component.' })
export class CreatePetitionTypeInput {
  @Field(() => ID) @IsUUID() componentId!: string;
  @Field()
  @Transform(trimmedText)
  @IsString()
  @MinLength(PetitionLimits.titleMinLength)
  @MaxLength(PetitionLimits.titleMaxLength)
  title!: string;
  @Field({ nullable: true, defaultValue: '', description: 'Rich text, sanitised by the server.' })
  @IsOptional()
  @IsString()
  @MaxLength(PetitionLimits.bodyMaxLength)
  description?: string;
  @Field(() => Int, { description: 'Signatures needed, 1 to 10,000,000.' })
  @IsInt()
  @Min(1)
  @Max(PetitionLimits.thresholdMax)
  threshold!: number;
  @Field(() => Int, { description: 'Signature period in days, 1 to 366.' })
  @IsInt()
  @Min(1)
  @Max(PetitionLimits.periodDaysMax)
  periodDays!: number;
  @Field(() => Int, {
    nullable: true,
    defaultValue: 0,
    description: 'Committee members needed before submission, 0 to 50.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PetitionLimits.committeeMax)
  minCommitteeSize?: number;
  @Field(() => PetitionSigners, { nullable: true, defaultValue: PetitionSigners.EVERYONE })
  @IsOptional()
  @IsEnum(PetitionSigners)
  signers?: PetitionSigners;
  @Field(() => [String], {
    nullable: true,
    defaultValue: [],
    description: 'Typology keys (TYPOLOGIES only), from the profile typology list.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[a-z0-9-]{1,60}$/, { each: true })
  typologies?: string[];
  @Field({ nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  publicSignatures?: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Second-stage link (https:// or a path of this site); null clears it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(/^(https:\/\/[^\s<>"]+|\/[^\s<>"]*)$/)
  secondStageUrl?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The PROPOSALS or MOTIONS component an accepted petition of this type can become a proposal or a draft motion of; null clears it.',
  })
  @IsOptional()
  @IsUUID()
  secondStageComponentId?: string | null;
}

@InputType({
  description:
    'Changes to a petition type; omitted fields stay. Petitions already published keep their period; the threshold applies to all of the type’s petitions not yet decided.',
})
export class UpdatePetitionTypeInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MinLength(PetitionLimits.titleMinLength)
  @MaxLength(PetitionLimits.titleMaxLength)
  title?: string;
  @Field({ nullable: true, description: 'Rich text, sanitised by the server.' })
  @IsOptional()
  @IsString()
  @MaxLength(PetitionLimits.bodyMaxLength)
  description?: string;
  @Field(() => Int, { nullable: true, description: 'Signatures needed, 1 to 10,000,000.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(PetitionLimits.thresholdMax)
  threshold?: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Signature period in days, 1 to 366 (for petitions published after the change).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(PetitionLimits.periodDaysMax)
  periodDays?: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Committee members needed before submission, 0 to 50.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PetitionLimits.committeeMax)
  minCommitteeSize?: number;
  @Field(() => PetitionSigners, { nullable: true })
  @IsOptional()
  @IsEnum(PetitionSigners)
  signers?: PetitionSigners;
  @Field(() => [String], {
    nullable: true,
    description: 'Typology keys (TYPOLOGIES only), from the profile typology list.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[a-z0-9-]{1,60}$/, { each: true })
  typologies?: string[];
  @Field({ nullable: true }) @IsOptional() @IsBoolean() publicSignatures?: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Second-stage link (https:// or a path of this site); null clears it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(/^(https:\/\/[^\s<>"]+|\/[^\s<>"]*)$/)
  secondStageUrl?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The PROPOSALS or MOTIONS component an accepted petition of this type can become a proposal or a draft motion of; null clears it.',
  })
  @IsOptional()
  @IsUUID()
  secondStageComponentId?: string | null;
}

@InputType({ description: 'A new petition (state CREATED), of a type.' })
export class CreatePetitionInput {
  @Field(() => ID) @IsUUID() typeId!: string;
  @Field()
  @Transform(trimmedText)
  @IsString()
  @MinLength(PetitionLimits.titleMinLength)
  @MaxLength(PetitionLimits.titleMaxLength)
  title!: string;
  @Field({ description: 'Rich text, sanitised by the server.' })
  @IsString()
  @MaxLength(PetitionLimits.bodyMaxLength)
  body!: string;
}

@InputType({ description: 'Changes to a petition before publication; omitted fields stay.' })
export class UpdatePetitionInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MinLength(PetitionLimits.titleMinLength)
  @MaxLength(PetitionLimits.titleMaxLength)
  title?: string;
  @Field({ nullable: true, description: 'Rich text, sanitised by the server.' })
  @IsOptional()
  @IsString()
  @MaxLength(PetitionLimits.bodyMaxLength)
  body?: string;
}

@InputType({ description: 'The official answer to a petition whose collection has ended.' })
export class AnswerPetitionInput {
  @Field(() => ID) @IsUUID() petitionId!: string;
  @Field({ description: 'Rich text, sanitised by the server.' })
  @IsString()
  @MaxLength(PetitionLimits.bodyMaxLength)
  answer!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Link (https:// or a path of this site) to what the petition became.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(/^(https:\/\/[^\s<>"]+|\/[^\s<>"]*)$/)
  answerUrl?: string | null;
  @Field(() => PetitionOutcomeTypeEnum, {
    nullable: true,
    description:
      'Transform the ACCEPTED petition, in the same transaction as the answer, into a proposal (PROPOSAL) or a draft motion (MOTION) of its type’s second-stage component; its page becomes the answer’s link (leave answerUrl empty).',
  })
  @IsOptional()
  @IsIn(Object.keys(PetitionOutcomeTypeEnum))
  transformTo?: PetitionOutcomeType | null;
}
