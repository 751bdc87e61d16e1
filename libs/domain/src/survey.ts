/**
 * Surveys (Enquêtes; DESIGN.md glossary: Survey, Question, Answer). Shared by the API and the web app.
 */

/** Question types of a survey (the `survey_questions.type` CHECK lists the same). */
export const SurveyQuestionType = {
  SHORT_ANSWER: 'SHORT_ANSWER',
  LONG_ANSWER: 'LONG_ANSWER',
  SINGLE_OPTION: 'SINGLE_OPTION',
  MULTIPLE_OPTION: 'MULTIPLE_OPTION',
  SCALE: 'SCALE',
  MATRIX_SINGLE: 'MATRIX_SINGLE',
  MATRIX_MULTIPLE: 'MATRIX_MULTIPLE',
  SORTING: 'SORTING',
  SEPARATOR: 'SEPARATOR',
  TITLE_AND_DESCRIPTION: 'TITLE_AND_DESCRIPTION',
} as const;
export type SurveyQuestionType = (typeof SurveyQuestionType)[keyof typeof SurveyQuestionType];

/**
 * When a conditional question shows: an earlier question's option chosen (EQUALS), not chosen
 * (NOT_EQUALS), or that question answered at all (ANSWERED).
 */
export const SurveyConditionKind = {
  EQUALS: 'EQUALS',
  NOT_EQUALS: 'NOT_EQUALS',
  ANSWERED: 'ANSWERED',
} as const;
export type SurveyConditionKind = (typeof SurveyConditionKind)[keyof typeof SurveyConditionKind];

/** Question types that take options (columns for matrices). */
export const SURVEY_CHOICE_TYPES: readonly SurveyQuestionType[] = [
  SurveyQuestionType.SINGLE_OPTION,
  SurveyQuestionType.MULTIPLE_OPTION,
  SurveyQuestionType.MATRIX_SINGLE,
  SurveyQuestionType.MATRIX_MULTIPLE,
  SurveyQuestionType.SORTING,
];
/** Question types answered with free text. */
export const SURVEY_TEXT_TYPES: readonly SurveyQuestionType[] = [
  SurveyQuestionType.SHORT_ANSWER,
  SurveyQuestionType.LONG_ANSWER,
];
/** Layout elements: shown in the questionnaire, never answered. */
export const SURVEY_LAYOUT_TYPES: readonly SurveyQuestionType[] = [
  SurveyQuestionType.SEPARATOR,
  SurveyQuestionType.TITLE_AND_DESCRIPTION,
];

/** Limits of a survey's questions, options and scales, checked by the API and the builder alike. */
export const SurveyLimits = {
  titleMinLength: 3,
  titleMaxLength: 200,
  descriptionMaxLength: 20000,
  termsMaxLength: 20000,
  questionBodyMaxLength: 2000,
  questionDescriptionMaxLength: 5000,
  questionSectionMaxLength: 300,
  /** Most options a choice question may let a respondent pick (`maxChoices`, per row for matrices). */
  maxChoicesMax: 100,
  /** Most characters a text question may allow (`maxCharacters`), and the longest text answer. */
  answerTextMaxLength: 20000,
  optionBodyMaxLength: 500,
  /** Options (and matrix rows) given when a question is added. */
  optionsMax: 100,
  scalePointsMin: 2,
  scalePointsMax: 11,
  scaleLabelMaxLength: 100,
} as const;
