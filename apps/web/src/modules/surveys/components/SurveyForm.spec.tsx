import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/renderWithProviders';
import {
  SURVEY_RESULTS_QUERY,
  type SurveyQuestionState,
  type SurveyState,
} from '../graphql/surveys';
import { SurveyForm, isQuestionVisible } from './SurveyForm';
import { SurveyResultsView } from './SurveyResultsView';

const question = (
  id: string,
  position: number,
  type: string,
  extra: Partial<SurveyQuestionState> = {},
): SurveyQuestionState => ({
  id,
  position,
  type,
  body: `Question ${id}`,
  description: null,
  section: null,
  mandatory: false,
  maxChoices: null,
  maxCharacters: null,
  options: [],
  rows: [],
  scale: null,
  condition: null,
  ...extra,
});
const typology = question('a', 0, 'SINGLE_OPTION', {
  options: [
    { id: 'o1', body: 'Entreprise', freeText: false },
    { id: 'o2', body: 'Hôpital', freeText: false },
  ],
});
const conditional = question('b', 1, 'LONG_ANSWER', {
  condition: { questionId: 'a', kind: 'EQUALS', optionId: 'o1' },
});
const survey: SurveyState = {
  id: 's1',
  componentId: 'c1',
  title: 'Enquête',
  description: '',
  opensAt: null,
  closesAt: null,
  open: true,
  version: 1,
  allowAnonymous: false,
  terms: '',
  resultsPublished: false,
  viewerHasAnswered: false,
  viewerCanAdminister: false,
  viewerCanSeeResults: false,
  questions: [typology, conditional],
};

describe('<SurveyForm>', () => {
  it('shows a conditional question only when its condition holds (same rule as the API)', async () => {
    expect(isQuestionVisible(conditional, {}, () => true)).toBe(false);
    expect(
      isQuestionVisible(conditional, { a: { choices: [{ optionId: 'o1' }] } }, () => true),
    ).toBe(true);
    expect(
      isQuestionVisible(conditional, { a: { choices: [{ optionId: 'o2' }] } }, () => true),
    ).toBe(false);
    renderWithProviders(<SurveyForm survey={survey} onAnswered={() => undefined} />);
    expect(screen.queryByLabelText('Question b')).toBeNull();
    await userEvent.click(screen.getByLabelText('Entreprise'));
    expect(screen.getByLabelText('Question b')).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Hôpital'));
    expect(screen.queryByLabelText('Question b')).toBeNull();
  });
});

describe('<SurveyResultsView>', () => {
  it('gives every chart’s figures as a table and the agreement share of scales', async () => {
    const option = (
      label: string,
      count: number,
      percent: number,
      value: number | null = null,
    ) => ({
      __typename: 'SurveyOptionResult',
      optionId: value === null ? label : null,
      value,
      label,
      removed: false,
      count,
      percent,
      meanRank: null,
    });
    const result = {
      __typename: 'SurveyResults',
      surveyId: 's1',
      submissions: 5,
      crossBy: null,
      questions: [
        {
          __typename: 'SurveyQuestionResult',
          questionId: 'q',
          type: 'SCALE',
          body: 'Accord',
          removed: false,
          answers: 5,
          mean: 2.8,
          agreementPercent: 60,
          texts: [],
          options: [
            option('1 pas du tout', 1, 20, 1),
            option('2 plutôt pas', 1, 20, 2),
            option('3 d’accord', 1, 20, 3),
            option('4 tout à fait', 2, 40, 4),
          ],
          rows: [],
          crossTab: [],
        },
      ],
    };
    renderWithProviders(<SurveyResultsView surveyId="s1" questions={[typology]} />, {
      mocks: [
        {
          request: { query: SURVEY_RESULTS_QUERY, variables: { surveyId: 's1', crossBy: null } },
          result: { data: { surveyResults: result } },
        },
      ],
    });
    expect(
      await screen.findByText('5 réponses : 60 % d’accord ou tout à fait d’accord · moyenne 2,8'),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Réponses à «\u00a0Accord\u00a0»' });
    expect(table).toHaveTextContent('4 tout à fait240 %');
    expect(screen.getByLabelText('Ventiler par …')).toBeInTheDocument();
  });
});
