import { SurveyConditionKind, SurveyLimits, SurveyQuestionType } from '@concerto/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
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

/** Question types (the `survey_questions.type` CHECK lists the same). */
export const QUESTION_TYPES: readonly SurveyQuestionType[] = Object.values(SurveyQuestionType);

@InputType({
  description:
    'Questionnaire fields; absent fields stay as they are (explicit null clears a date).',
})
export class SurveyFieldsInput {
  @Field({ nullable: true, description: '3–200 characters.' })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MinLength(SurveyLimits.titleMinLength)
  @MaxLength(SurveyLimits.titleMaxLength)
  title?: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(SurveyLimits.descriptionMaxLength)
  description?: string;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() opensAt?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() closesAt?: Date | null;
  @Field({ nullable: true, description: 'Anonymous visitors may answer, once per browser.' })
  @IsOptional()
  @IsBoolean()
  allowAnonymous?: boolean;
  @Field({ nullable: true, description: 'Terms to accept before sending; empty for none.' })
  @IsOptional()
  @IsString()
  @MaxLength(SurveyLimits.termsMaxLength)
  terms?: string;
}

@InputType()
export class CreateSurveyInput extends SurveyFieldsInput {
  @Field(() => ID) @IsUUID() componentId!: string;
}

@InputType()
export class SurveyScaleInput {
  @Field(() => Int, { description: '2–11 points.' })
  @IsInt()
  @Min(SurveyLimits.scalePointsMin)
  @Max(SurveyLimits.scalePointsMax)
  points!: number;
  @Field(() => [String], { description: 'One label per point.' })
  @IsArray()
  @ArrayMaxSize(SurveyLimits.scalePointsMax)
  @IsString({ each: true })
  @MaxLength(SurveyLimits.scaleLabelMaxLength, { each: true })
  labels!: string[];
}

@InputType()
export class SurveyConditionInput {
  @Field(() => ID) @IsUUID() questionId!: string;
  @Field(() => String, { description: 'EQUALS, NOT_EQUALS or ANSWERED.' })
  @IsIn(Object.values(SurveyConditionKind))
  kind!: SurveyConditionKind;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() optionId?: string;
}

@InputType()
export class SurveyOptionInput {
  @Field({ description: '1–500 characters.' })
  @Transform(trimmedText)
  @IsString()
  @MinLength(1)
  @MaxLength(SurveyLimits.optionBodyMaxLength)
  body!: string;
  @Field({ nullable: true, description: 'Asks for free text when chosen (e.g. "Autre").' })
  @IsOptional()
  @IsBoolean()
  freeText?: boolean;
}

@InputType({ description: 'A question’s fields; absent fields stay as they are when updating.' })
export class SurveyQuestionFieldsInput {
  @Field(() => String, { nullable: true, description: 'Question type (see SurveyQuestion.type).' })
  @IsOptional()
  @IsIn(QUESTION_TYPES)
  type?: SurveyQuestionType;
  @Field({ nullable: true, description: '1–2,000 characters.' })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MinLength(1)
  @MaxLength(SurveyLimits.questionBodyMaxLength)
  body?: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(SurveyLimits.questionDescriptionMaxLength)
  description?: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(SurveyLimits.questionSectionMaxLength)
  section?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() mandatory?: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'Choice questions: most options per answer (per row for matrices); 0 clears.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SurveyLimits.maxChoicesMax)
  maxChoices?: number;
  @Field(() => Int, { nullable: true, description: 'Text questions: most characters; 0 clears.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SurveyLimits.answerTextMaxLength)
  maxCharacters?: number;
  @Field(() => SurveyScaleInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SurveyScaleInput)
  scale?: SurveyScaleInput;
  @Field(() => SurveyConditionInput, {
    nullable: true,
    description: 'Display condition; explicit null clears it.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SurveyConditionInput)
  condition?: SurveyConditionInput | null;
}

@InputType()
export class AddSurveyQuestionInput extends SurveyQuestionFieldsInput {
  @Field(() => ID) @IsUUID() surveyId!: string;
  @Field(() => [SurveyOptionInput], {
    nullable: true,
    description: 'Options (columns of a matrix).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SurveyLimits.optionsMax)
  @ValidateNested({ each: true })
  @Type(() => SurveyOptionInput)
  options?: SurveyOptionInput[];
  @Field(() => [String], { nullable: true, description: 'Rows of a matrix question.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SurveyLimits.optionsMax)
  @IsString({ each: true })
  @MaxLength(SurveyLimits.optionBodyMaxLength, { each: true })
  rows?: string[];
}

@InputType()
export class AddSurveyOptionInput extends SurveyOptionInput {
  @Field(() => ID) @IsUUID() questionId!: string;
  @Field(() => String, { nullable: true, description: 'OPTION (default) or ROW (matrix row).' })
  @IsOptional()
  @IsIn(['OPTION', 'ROW'])
  kind?: 'OPTION' | 'ROW';
}

@InputType()
export class UpdateSurveyOptionInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MinLength(1)
  @MaxLength(SurveyLimits.optionBodyMaxLength)
  body?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() freeText?: boolean;
}

@InputType({
  description:
    'One chosen option: for matrices with its row, for SORTING in rank order, with free text when the option asks for it.',
})
export class SurveyChoiceInput {
  @Field(() => ID) @IsUUID() optionId!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() rowId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) freeText?: string;
}

@InputType({ description: 'The answer to one question: `text`, `choices` or `value` by type.' })
export class SurveyAnswerInput {
  @Field(() => ID) @IsUUID() questionId!: string;
  @Field({ nullable: true, description: 'SHORT_ANSWER / LONG_ANSWER.' })
  @IsOptional()
  @IsString()
  @MaxLength(SurveyLimits.answerTextMaxLength)
  text?: string;
  @Field(() => [SurveyChoiceInput], {
    nullable: true,
    description: 'Choice, matrix and sorting questions (sorting: every option, first = rank 1).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => SurveyChoiceInput)
  choices?: SurveyChoiceInput[];
  @Field(() => Int, { nullable: true, description: 'SCALE: the point, 1…n.' })
  @IsOptional()
  @IsInt()
  value?: number;
}
