import { BallotLimits, BallotMethod, CensusKind } from '@concerto/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
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
import { BoundedJSON } from '../../../common/graphql/json-scalar';
import { IsIsoInstant } from '../../../common/validation/iso-instant';
import { trimmedText } from '../../../common/validation/visible-text';

@InputType()
export class BallotOptionInput {
  @Field()
  @Transform(trimmedText)
  @IsString()
  @MinLength(1)
  @MaxLength(BallotLimits.optionTitleMaxLength)
  title!: string;
  @Field({ nullable: true, description: 'Plain text.' })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MaxLength(BallotLimits.optionDescriptionMaxLength)
  description?: string;
  @Field(() => String, { nullable: true, description: 'Text alternative of the option’s image.' })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MaxLength(BallotLimits.imageAltMaxLength)
  imageAlt?: string | null;
}

@InputType()
export class BallotQuestionInput {
  @Field() @Transform(trimmedText) @IsString() @MinLength(1) @MaxLength(300) title!: string;
  @Field(() => BallotMethod) @IsEnum(BallotMethod) method!: BallotMethod;
  @Field(() => Int, { nullable: true, description: 'MULTIPLE only (default 1).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(BallotLimits.optionsMax)
  minChoices?: number;
  @Field(() => Int, { nullable: true, description: 'MULTIPLE only (default: number of options).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(BallotLimits.optionsMax)
  maxChoices?: number;
  @Field(() => [BallotOptionInput])
  @IsArray()
  @ArrayMinSize(BallotLimits.optionsMin)
  @ArrayMaxSize(BallotLimits.optionsMax)
  @ValidateNested({ each: true })
  @Type(() => BallotOptionInput)
  options!: BallotOptionInput[];
}

@InputType({ description: 'Who may vote.' })
export class BallotCensusInput {
  @Field(() => CensusKind) @IsEnum(CensusKind) kind!: CensusKind;
  @Field(() => ID, {
    nullable: true,
    description: 'ASSEMBLY_MEMBERS: the Assemblée whose current members vote.',
  })
  @IsOptional()
  @IsUUID()
  assemblySpaceId?: string | null;
  @Field({
    nullable: true,
    description: 'ASSEMBLY_MEMBERS: weigh each ballot by the member’s weight.',
  })
  @IsOptional()
  @IsBoolean()
  weighted?: boolean;
  @Field(() => [String], {
    nullable: true,
    description: 'TYPOLOGY: the profile typology keys (see `memberTypologies`) whose members vote.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  typologyKeys?: string[];
  @Field(() => [String], { nullable: true, description: 'EMAIL_LIST: the voters’ e-mails.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(BallotLimits.censusEmailsMax)
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  emails?: string[];
}

@InputType({
  description:
    'Fields of a ballot; on update, omitted fields stay (questions are replaced as a whole when given).',
})
export class BallotFieldsInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MinLength(BallotLimits.titleMinLength)
  @MaxLength(BallotLimits.titleMaxLength)
  title?: string;
  @Field({ nullable: true, description: 'Rich text, sanitised by the server.' })
  @IsOptional()
  @IsString()
  @MaxLength(BallotLimits.explanationMaxLength)
  explanation?: string;
  @Field({ nullable: true, description: 'ISO 8601 date-time with offset (stored in UTC).' })
  @IsOptional()
  @IsIsoInstant()
  opensAt?: string;
  @Field({
    nullable: true,
    description: 'ISO 8601 date-time with offset; after opensAt, in the future.',
  })
  @IsOptional()
  @IsIsoInstant()
  closesAt?: string;
  @Field({ nullable: true, description: 'Default true.' })
  @IsOptional()
  @IsBoolean()
  secret?: boolean;
  @Field({
    nullable: true,
    description:
      'Secret ballots only; default false (a receipt lets a coercer check a vote: off for elections of people).',
  })
  @IsOptional()
  @IsBoolean()
  receiptsEnabled?: boolean;
  @Field(() => BallotCensusInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BallotCensusInput)
  census?: BallotCensusInput;
  @Field(() => [BallotQuestionInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BallotLimits.questionsMax)
  @ValidateNested({ each: true })
  @Type(() => BallotQuestionInput)
  questions?: BallotQuestionInput[];
}

@InputType({ description: 'A new ballot in a VOTES component.' })
export class CreateBallotInput extends BallotFieldsInput {
  @Field(() => ID) @IsUUID() componentId!: string;
}

@InputType({
  description:
    'A voter’s answer to one question. choice: SINGLE/MULTIPLE {"optionIds": [...]}, RANKED {"ranking": [best, ...]}, MAJORITY_JUDGMENT {"grades": {"<optionId>": "GOOD", ...}}.',
})
export class BallotAnswerInput {
  @Field(() => ID) @IsUUID() questionId!: string;
  @Field(() => BoundedJSON) choice!: unknown;
}
