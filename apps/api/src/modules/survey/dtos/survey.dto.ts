import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SurveyQuestionOption', { description: 'An option of a choice question.' })
export class SurveyQuestionOptionDto {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field() body!: string;
  @Field({ description: 'Taking this option asks for free text (e.g. "Autre").' }) freeText!: boolean;
}

@ObjectType('SurveyScale', { description: 'An n-point scale with one label per point.' })
export class SurveyScaleDto {
  @Field(() => Int) points!: number;
  @Field(() => [String]) labels!: string[];
}

@ObjectType('SurveyQuestion', { description: 'A question of an Enquête.' })
export class SurveyQuestionDto {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field({ description: 'SHORT_ANSWER, LONG_ANSWER, SINGLE_OPTION, MULTIPLE_OPTION, SCALE, …' }) type!: string;
  @Field() body!: string;
  @Field(() => String, { nullable: true, description: 'Explanatory text shown under the question.' }) description!: string | null;
  @Field(() => String, { nullable: true, description: 'Heading of the questionnaire part the question belongs to.' }) section!: string | null;
  @Field() mandatory!: boolean;
  @Field(() => [SurveyQuestionOptionDto]) options!: SurveyQuestionOptionDto[];
  @Field(() => SurveyScaleDto, { nullable: true }) scale!: SurveyScaleDto | null;
}

@ObjectType('Survey', { description: 'The questionnaire (Enquête) of a SURVEY component.' })
export class SurveyDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) componentId!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => Date, { nullable: true }) opensAt!: Date | null;
  @Field(() => Date, { nullable: true }) closesAt!: Date | null;
  @Field({ description: 'Open now: decided at read time from the clock and opensAt/closesAt.' }) open!: boolean;
  @Field(() => [SurveyQuestionDto]) questions!: SurveyQuestionDto[];
}

@ObjectType('SurveySummary', { description: 'An Enquête as listed on the "Enquêtes" page.' })
export class SurveySummaryDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) componentId!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => Date, { nullable: true }) opensAt!: Date | null;
  @Field(() => Date, { nullable: true }) closesAt!: Date | null;
  @Field() open!: boolean;
  @Field(() => Int) questionCount!: number;
  @Field() spaceSlug!: string;
  @Field() spaceTitle!: string;
}
