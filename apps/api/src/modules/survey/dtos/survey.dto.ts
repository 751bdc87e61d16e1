import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SurveyQuestionOption', {
  description: 'An option of a choice question, or a row of a matrix question.',
})
export class SurveyQuestionOptionDto {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field() body!: string;
  @Field({ description: 'Taking this option asks for free text (e.g. "Autre").' })
  freeText!: boolean;
}

@ObjectType('SurveyScale', { description: 'An n-point scale with one label per point.' })
export class SurveyScaleDto {
  @Field(() => Int) points!: number;
  @Field(() => [String]) labels!: string[];
}

@ObjectType('SurveyCondition', {
  description:
    'Display condition: the question shows only when another question’s answer meets it.',
})
export class SurveyConditionDto {
  @Field(() => ID) questionId!: string;
  @Field({ description: 'EQUALS (option chosen), NOT_EQUALS (option not chosen) or ANSWERED.' })
  kind!: string;
  @Field(() => ID, { nullable: true }) optionId!: string | null;
}

@ObjectType('SurveyQuestion', { description: 'A question of an Enquête.' })
export class SurveyQuestionDto {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field({
    description:
      'SHORT_ANSWER, LONG_ANSWER, SINGLE_OPTION, MULTIPLE_OPTION, SCALE, MATRIX_SINGLE, MATRIX_MULTIPLE, SORTING, SEPARATOR, TITLE_AND_DESCRIPTION.',
  })
  type!: string;
  @Field() body!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Explanatory text shown under the question.',
  })
  description!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Heading of the questionnaire part the question belongs to.',
  })
  section!: string | null;
  @Field() mandatory!: boolean;
  @Field(() => [SurveyQuestionOptionDto], { description: 'Options (columns of a matrix).' })
  options!: SurveyQuestionOptionDto[];
  @Field(() => [SurveyQuestionOptionDto], {
    description: 'Rows of a matrix question; empty otherwise.',
  })
  rows!: SurveyQuestionOptionDto[];
  @Field(() => SurveyScaleDto, { nullable: true }) scale!: SurveyScaleDto | null;
  @Field(() => Int, {
    nullable: true,
    description: 'MULTIPLE_OPTION / MATRIX_MULTIPLE: most options one may choose (per row).',
  })
  maxChoices!: number | null;
  @Field(() => Int, { nullable: true, description: 'Text answers: most characters.' })
  maxCharacters!: number | null;
  @Field(() => SurveyConditionDto, { nullable: true }) condition!: SurveyConditionDto | null;
}

@ObjectType('Survey', { description: 'The questionnaire (Enquête) of a SURVEY component.' })
export class SurveyDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) componentId!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => Date, { nullable: true }) opensAt!: Date | null;
  @Field(() => Date, { nullable: true }) closesAt!: Date | null;
  @Field({ description: 'Open now: decided at read time from the clock and opensAt/closesAt.' })
  open!: boolean;
  @Field({ description: 'Anonymous visitors may answer (once per browser).' })
  allowAnonymous!: boolean;
  @Field({ description: 'Terms the respondent must accept before sending; empty when none.' })
  terms!: string;
  @Field(() => Int, {
    description: 'Current version; answers record the version they were given against.',
  })
  version!: number;
  @Field({ description: 'Results are visible to participants.' }) resultsPublished!: boolean;
  @Field({ description: 'The caller (user or this browser) already answered.' })
  viewerHasAnswered!: boolean;
  @Field({
    description:
      'The caller may edit the questionnaire and read the results (space admin, organization admin).',
  })
  viewerCanAdminister!: boolean;
  @Field({ description: 'The caller may read the results now.' }) viewerCanSeeResults!: boolean;
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

@ObjectType('SurveyChoiceAnswer', {
  description: 'One chosen option (with its matrix row or rank) or a scale point.',
})
export class SurveyChoiceAnswerDto {
  @Field(() => ID, { nullable: true }) optionId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The option’s text, "(option supprimée)" when removed since.',
  })
  optionBody!: string | null;
  @Field(() => ID, { nullable: true }) rowId!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'SCALE: the point (1…n); SORTING: the rank (1 = first).',
  })
  value!: number | null;
  @Field(() => String, { nullable: true }) freeText!: string | null;
}

@ObjectType('SurveyAnswer', { description: 'One stored answer to one question.' })
export class SurveyAnswerDto {
  @Field(() => ID) questionId!: string;
  @Field() questionBody!: string;
  @Field(() => String, { nullable: true }) text!: string | null;
  @Field(() => [SurveyChoiceAnswerDto]) choices!: SurveyChoiceAnswerDto[];
}

@ObjectType('SurveySubmission', { description: 'A respondent’s submission (read-only once sent).' })
export class SurveySubmissionDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) surveyId!: string;
  @Field(() => Int) surveyVersion!: number;
  @Field() createdAt!: Date;
  @Field(() => [SurveyAnswerDto]) answers!: SurveyAnswerDto[];
}

@ObjectType('SurveyOptionResult', {
  description: 'Count and share of one option (or scale point).',
})
export class SurveyOptionResultDto {
  @Field(() => ID, { nullable: true }) optionId!: string | null;
  @Field(() => Int, { nullable: true, description: 'SCALE: the point.' }) value!: number | null;
  @Field({ description: 'Option text or scale label; "(option supprimée)" for removed options.' })
  label!: string;
  @Field() removed!: boolean;
  @Field(() => Int) count!: number;
  @Field(() => Float, { description: 'count / answers of the question × 100 (0 when no answers).' })
  percent!: number;
  @Field(() => Float, { nullable: true, description: 'SORTING: mean rank (1 = first).' })
  meanRank!: number | null;
}

@ObjectType('SurveyMatrixRowResult', { description: 'Counts of one matrix row.' })
export class SurveyMatrixRowResultDto {
  @Field(() => ID) rowId!: string;
  @Field() label!: string;
  @Field(() => Int) answers!: number;
  @Field(() => [SurveyOptionResultDto]) options!: SurveyOptionResultDto[];
}

@ObjectType('SurveyCrossTabGroup', {
  description:
    'The results of a question among respondents who chose one option of the cross-by question.',
})
export class SurveyCrossTabGroupDto {
  @Field(() => ID) groupOptionId!: string;
  @Field() groupLabel!: string;
  @Field(() => Int) answers!: number;
  @Field(() => [SurveyOptionResultDto]) options!: SurveyOptionResultDto[];
  @Field(() => Float, { nullable: true }) mean!: number | null;
  @Field(() => Float, { nullable: true }) agreementPercent!: number | null;
}

@ObjectType('SurveyQuestionResult', {
  description: 'Exact results of one question, computed by SQL on the stored answers.',
})
export class SurveyQuestionResultDto {
  @Field(() => ID) questionId!: string;
  @Field(() => Int) position!: number;
  @Field() type!: string;
  @Field() body!: string;
  @Field({ description: 'Removed since (answers given to an earlier version).' }) removed!: boolean;
  @Field(() => Int, { description: 'Submissions that answered this question.' }) answers!: number;
  @Field(() => [SurveyOptionResultDto]) options!: SurveyOptionResultDto[];
  @Field(() => [SurveyMatrixRowResultDto]) rows!: SurveyMatrixRowResultDto[];
  @Field(() => Float, { nullable: true, description: 'SCALE: mean point.' }) mean!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'SCALE: top-2 box, % answering one of the two highest points.',
  })
  agreementPercent!: number | null;
  @Field(() => [String], {
    description: 'Text answers (SHORT/LONG, and free texts), newest last; at most 200.',
  })
  texts!: string[];
  @Field(() => [SurveyCrossTabGroupDto], {
    description: 'Cross-tabulation by `crossBy`; empty without it.',
  })
  crossTab!: SurveyCrossTabGroupDto[];
}

@ObjectType('SurveyResults', { description: 'Exact results of an Enquête.' })
export class SurveyResultsDto {
  @Field(() => ID) surveyId!: string;
  @Field() title!: string;
  @Field(() => Int, { description: 'Number of submissions.' }) submissions!: number;
  @Field(() => ID, { nullable: true }) crossBy!: string | null;
  @Field({
    description:
      'Broken down by the respondents’ profile typology: each crossTab group’s groupOptionId is a typology key, or "-" for respondents without one (anonymous, deleted, not given).',
  })
  crossByTypology!: boolean;
  @Field(() => [SurveyQuestionResultDto]) questions!: SurveyQuestionResultDto[];
}
