import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { SupportsState } from '../proposal.manifest';
import {
  PROPOSAL_ANSWER_STATES,
  ProposalLimits,
  ProposalSettingsLimits,
  ProposalState,
} from '@concerto/domain';
import { trimmedText } from '../../../common/validation/visible-text';
import { withEnglish } from '../../../common/validation/french-validation';

export { ProposalLimits };

@InputType()
export class CreateProposalInput {
  @Field(() => ID) @IsUUID() componentId!: string;
  @Field({ description: '15–150 characters.' })
  @Transform(trimmedText)
  @IsString()
  @MinLength(ProposalLimits.titleMin, {
    message: withEnglish('title: au moins 15 caractères', 'title: at least 15 characters'),
  })
  @MaxLength(ProposalLimits.titleMax, {
    message: withEnglish('title: 150 caractères au plus', 'title: at most 150 characters'),
  })
  title!: string;
  @Field({
    description: 'Rich text (HTML, sanitised on the server); at most 3,000 characters of text.',
  })
  @IsString()
  @MaxLength(20000)
  body!: string;
}

@InputType()
export class UpdateProposalInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MinLength(ProposalLimits.titleMin, {
    message: withEnglish('title: au moins 15 caractères', 'title: at least 15 characters'),
  })
  @MaxLength(ProposalLimits.titleMax, {
    message: withEnglish('title: 150 caractères au plus', 'title: at most 150 characters'),
  })
  title?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(20000) body?: string;
}

@InputType({ description: 'Filters of the proposal list; all optional and combined with AND.' })
export class ProposalFilterInput {
  @Field(() => [ProposalState], {
    nullable: true,
    description: 'States as participants see them.',
  })
  @IsOptional()
  @IsIn(Object.values(ProposalState), { each: true })
  states?: ProposalState[];
  @Field({ nullable: true, description: 'Full-text search in French, accent-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
  @Field({ nullable: true, description: 'Only the caller’s proposals.' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;
  @Field({ nullable: true, description: 'Only proposals the caller supports.' })
  @IsOptional()
  @IsBoolean()
  supportedByMe?: boolean;
  @Field({ nullable: true, description: 'Include withdrawn proposals (default false).' })
  @IsOptional()
  @IsBoolean()
  includeWithdrawn?: boolean;
}

@InputType({ description: 'The moderators’ answer to a proposal.' })
export class AnswerProposalInput {
  @Field(() => ID) @IsUUID() proposalId!: string;
  @Field(() => ProposalState, { description: 'EVALUATING, ACCEPTED or REJECTED.' })
  @IsIn(PROPOSAL_ANSWER_STATES, {
    message: withEnglish(
      'state: EVALUATING, ACCEPTED ou REJECTED',
      'state: EVALUATING, ACCEPTED or REJECTED',
    ),
  })
  state!: ProposalState;
  @Field({
    nullable: true,
    description: 'Official answer (rich text, sanitised); required for REJECTED.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  answer?: string;
  @Field({
    nullable: true,
    defaultValue: true,
    description: 'Publish the state and answer now (default) or keep them for later.',
  })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;
}

@InputType({ description: 'Settings of a PROPOSALS component; absent fields stay as they are.' })
export class ProposalSettingsInput {
  @Field(() => SupportsState, { nullable: true })
  @IsOptional()
  @IsEnum(SupportsState)
  supportsState?: SupportsState;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(ProposalSettingsLimits.supportLimit.min)
  @Max(ProposalSettingsLimits.supportLimit.max)
  supportLimit?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(ProposalSettingsLimits.minimumSupportsPerUser.min)
  @Max(ProposalSettingsLimits.minimumSupportsPerUser.max)
  minimumSupportsPerUser?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(ProposalSettingsLimits.threshold.min)
  @Max(ProposalSettingsLimits.threshold.max)
  threshold?: number;
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  canAccumulateSupportsBeyondThreshold?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() creationEnabled?: boolean;
  @Field({ nullable: true, description: '« Pas d’accord » and the CONSENSUS order.' })
  @IsOptional()
  @IsBoolean()
  disagreementsEnabled?: boolean;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(ProposalSettingsLimits.hideThreshold.min)
  @Max(ProposalSettingsLimits.hideThreshold.max)
  hideThreshold?: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() commentsEnabled?: boolean;
}
