import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  AddSurveyOptionMutation,
  AddSurveyOptionMutationVariables,
  AddSurveyQuestionMutation,
  AddSurveyQuestionMutationVariables,
  AnswerSurveyMutation,
  AnswerSurveyMutationVariables,
  CreateSurveyMutation,
  CreateSurveyMutationVariables,
  MySurveyAnswersQuery,
  MySurveyAnswersQueryVariables,
  PublishSurveyResultsMutation,
  PublishSurveyResultsMutationVariables,
  RemoveSurveyOptionMutation,
  RemoveSurveyOptionMutationVariables,
  RemoveSurveyQuestionMutation,
  RemoveSurveyQuestionMutationVariables,
  ReorderSurveyQuestionsMutation,
  ReorderSurveyQuestionsMutationVariables,
  SurveyResultsQuery,
  SurveyResultsQueryVariables,
  SurveyStateQuery,
  SurveyStateQueryVariables,
  UpdateSurveyMutation,
  UpdateSurveyMutationVariables,
  UpdateSurveyOptionMutation,
  UpdateSurveyOptionMutationVariables,
  UpdateSurveyQuestionMutation,
  UpdateSurveyQuestionMutationVariables,
  SurveyAnswerInput,
  SurveyChoiceInput,
  SurveyFieldsInput,
  SurveyQuestionFieldsInput,
} from '../../../graphql/generated';

export type SurveyOptionState = SurveyQuestionState['options'][number];
export type SurveyQuestionState = SurveyState['questions'][number];
export type SurveyState = NonNullable<SurveyStateQuery['survey']>;

const STATE_FIELDS = `
  id componentId title description opensAt closesAt open version allowAnonymous terms resultsPublished viewerHasAnswered viewerCanAdminister viewerCanSeeResults
  questions { id position type body description section mandatory maxChoices maxCharacters
    options { id body freeText } rows { id body freeText } scale { points labels } condition { questionId kind optionId } }`;

/** The questionnaire with what answering, results and the builder need. */
export const SURVEY_STATE_QUERY: TypedDocumentNode<SurveyStateQuery, SurveyStateQueryVariables> =
  gql`
  query SurveyState($componentId: ID!) { survey(componentId: $componentId) { ${STATE_FIELDS} } }
`;

export type ChoiceInput = SurveyChoiceInput;
export type AnswerInput = SurveyAnswerInput;

export const ANSWER_SURVEY_MUTATION: TypedDocumentNode<
  AnswerSurveyMutation,
  AnswerSurveyMutationVariables
> = gql`
  mutation AnswerSurvey($surveyId: ID!, $answers: [SurveyAnswerInput!]!, $acceptTerms: Boolean) {
    answerSurvey(surveyId: $surveyId, answers: $answers, acceptTerms: $acceptTerms) {
      id
    }
  }
`;

export type MySubmission = NonNullable<MySurveyAnswersQuery['mySurveyAnswers']>;
export const MY_SURVEY_ANSWERS_QUERY: TypedDocumentNode<
  MySurveyAnswersQuery,
  MySurveyAnswersQueryVariables
> = gql`
  query MySurveyAnswers($surveyId: ID!) {
    mySurveyAnswers(surveyId: $surveyId) {
      id
      surveyVersion
      createdAt
      answers {
        questionId
        questionBody
        text
        choices {
          optionBody
          value
          freeText
        }
      }
    }
  }
`;

export type OptionResult = QuestionResult['options'][number];
export type QuestionResult = SurveyResults['questions'][number];
export type SurveyResults = SurveyResultsQuery['surveyResults'];

const OPTION_FIELDS = 'optionId value label removed count percent meanRank';
export const SURVEY_RESULTS_QUERY: TypedDocumentNode<
  SurveyResultsQuery,
  SurveyResultsQueryVariables
> = gql`
  query SurveyResults($surveyId: ID!, $crossBy: ID) {
    surveyResults(surveyId: $surveyId, crossBy: $crossBy) {
      surveyId submissions crossBy
      questions { questionId type body removed answers mean agreementPercent texts
        options { ${OPTION_FIELDS} } rows { rowId label answers options { ${OPTION_FIELDS} } }
        crossTab { groupOptionId groupLabel answers mean agreementPercent options { ${OPTION_FIELDS} } } }
    }
  }
`;

export const ADD_SURVEY_QUESTION_MUTATION: TypedDocumentNode<
  AddSurveyQuestionMutation,
  AddSurveyQuestionMutationVariables
> = gql`
  mutation AddSurveyQuestion($input: AddSurveyQuestionInput!) { addSurveyQuestion(input: $input) { ${STATE_FIELDS} } }
`;
export const REMOVE_SURVEY_QUESTION_MUTATION: TypedDocumentNode<
  RemoveSurveyQuestionMutation,
  RemoveSurveyQuestionMutationVariables
> = gql`
  mutation RemoveSurveyQuestion($questionId: ID!) { removeSurveyQuestion(questionId: $questionId) { ${STATE_FIELDS} } }
`;
export const PUBLISH_SURVEY_RESULTS_MUTATION: TypedDocumentNode<
  PublishSurveyResultsMutation,
  PublishSurveyResultsMutationVariables
> = gql`
  mutation PublishSurveyResults($surveyId: ID!, $published: Boolean!) { publishSurveyResults(surveyId: $surveyId, published: $published) { ${STATE_FIELDS} } }
`;

export const CREATE_SURVEY_MUTATION: TypedDocumentNode<
  CreateSurveyMutation,
  CreateSurveyMutationVariables
> = gql`
  mutation CreateSurvey($input: CreateSurveyInput!) { createSurvey(input: $input) { ${STATE_FIELDS} } }
`;
export type SurveyFields = SurveyFieldsInput;
export const UPDATE_SURVEY_MUTATION: TypedDocumentNode<
  UpdateSurveyMutation,
  UpdateSurveyMutationVariables
> = gql`
  mutation UpdateSurvey($surveyId: ID!, $input: SurveyFieldsInput!) { updateSurvey(surveyId: $surveyId, input: $input) { ${STATE_FIELDS} } }
`;
export const REORDER_SURVEY_QUESTIONS_MUTATION: TypedDocumentNode<
  ReorderSurveyQuestionsMutation,
  ReorderSurveyQuestionsMutationVariables
> = gql`
  mutation ReorderSurveyQuestions($surveyId: ID!, $questionIds: [ID!]!) { reorderSurveyQuestions(surveyId: $surveyId, questionIds: $questionIds) { ${STATE_FIELDS} } }
`;
export const ADD_SURVEY_OPTION_MUTATION: TypedDocumentNode<
  AddSurveyOptionMutation,
  AddSurveyOptionMutationVariables
> = gql`
  mutation AddSurveyOption($input: AddSurveyOptionInput!) { addSurveyOption(input: $input) { ${STATE_FIELDS} } }
`;
export const REMOVE_SURVEY_OPTION_MUTATION: TypedDocumentNode<
  RemoveSurveyOptionMutation,
  RemoveSurveyOptionMutationVariables
> = gql`
  mutation RemoveSurveyOption($optionId: ID!) { removeSurveyOption(optionId: $optionId) { ${STATE_FIELDS} } }
`;

/** Fields of `SurveyQuestionFieldsInput`; absent fields stay as they are, `condition: null` clears it, 0 clears a limit. */
export type SurveyQuestionFields = SurveyQuestionFieldsInput;
export const UPDATE_SURVEY_QUESTION_MUTATION: TypedDocumentNode<
  UpdateSurveyQuestionMutation,
  UpdateSurveyQuestionMutationVariables
> = gql`
  mutation UpdateSurveyQuestion($questionId: ID!, $input: SurveyQuestionFieldsInput!) { updateSurveyQuestion(questionId: $questionId, input: $input) { ${STATE_FIELDS} } }
`;
export const UPDATE_SURVEY_OPTION_MUTATION: TypedDocumentNode<
  UpdateSurveyOptionMutation,
  UpdateSurveyOptionMutationVariables
> = gql`
  mutation UpdateSurveyOption($optionId: ID!, $input: UpdateSurveyOptionInput!) { updateSurveyOption(optionId: $optionId, input: $input) { ${STATE_FIELDS} } }
`;
