import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import {
  ANSWER_SURVEY_MUTATION,
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

describe('<SurveyForm> checks', () => {
  const send = () => screen.getByRole('button', { name: 'Envoyer mes réponses' });

  it('names each unanswered mandatory question on the question itself and in the summary, and the terms; nothing sent', async () => {
    const answer = anyVariables(ANSWER_SURVEY_MUTATION, { data: null });
    const mandatory = { ...typology, mandatory: true };
    const opinion = question('c', 2, 'LONG_ANSWER', { mandatory: true, body: 'Votre avis' });
    renderWithProviders(
      <SurveyForm
        survey={{
          ...survey,
          terms: 'Vos réponses sont publiques.',
          questions: [mandatory, opinion],
        }}
        onAnswered={() => undefined}
      />,
      { mocks: [answer.mock] },
    );
    const user = userEvent.setup();
    await user.click(send());

    const summary = screen.getByRole('alert', { name: 'Le formulaire contient 3 erreurs' });
    expect(summary).toHaveFocus();
    const first = screen.getByRole('group', { name: /^Question a/ });
    expect(first).toHaveAccessibleDescription('Une réponse est obligatoire.');
    expect(first).toHaveClass('field--invalid');
    expect(
      screen.getByRole('link', {
        name: 'Question 1 «\u00a0Question a\u00a0»\u00a0: une réponse est obligatoire.',
      }),
    ).toHaveAttribute('href', `#${first.id}`);
    const text = screen.getByRole('textbox', { name: 'Votre avis (obligatoire)' });
    expect(text).toHaveAttribute('aria-invalid', 'true');
    expect(text).toHaveAccessibleDescription('Une réponse est obligatoire.');
    expect(
      screen.getByRole('checkbox', { name: 'J’accepte les conditions ci-dessus' }),
    ).toHaveAttribute('aria-invalid', 'true');
    expect(answer.calls).not.toHaveBeenCalled();
  });

  it('checks the most choices of a question before sending', async () => {
    const answer = anyVariables(ANSWER_SURVEY_MUTATION, { data: null });
    const several = question('m', 0, 'MULTIPLE_OPTION', {
      body: 'Vos priorités',
      maxChoices: 1,
      options: [
        { id: 'p1', body: 'Formation', freeText: false },
        { id: 'p2', body: 'Recrutement', freeText: false },
      ],
    });
    renderWithProviders(
      <SurveyForm survey={{ ...survey, questions: [several] }} onAnswered={() => undefined} />,
      { mocks: [answer.mock] },
    );
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Formation'));
    await user.click(screen.getByLabelText('Recrutement'));
    await user.click(send());

    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Vos priorités' })).toHaveAccessibleDescription(
      '1 choix au plus.',
    );
    expect(
      screen.getByRole('link', {
        name: 'Question 1 «\u00a0Vos priorités\u00a0»\u00a0: 1 choix au plus.',
      }),
    ).toBeInTheDocument();
    expect(answer.calls).not.toHaveBeenCalled();
  });

  it('shows a mandatory answer the API asks for on its own question, not only near the button', async () => {
    const answer = anyVariables(ANSWER_SURVEY_MUTATION, {
      errors: [
        new GraphQLError('Cette question est obligatoire.', {
          extensions: { code: 'BAD_USER_INPUT', questionId: 'c' },
        }),
      ],
    });
    const opinion = question('c', 2, 'LONG_ANSWER', { body: 'Votre avis' });
    renderWithProviders(
      <SurveyForm survey={{ ...survey, questions: [opinion] }} onAnswered={() => undefined} />,
      { mocks: [answer.mock] },
    );
    const user = userEvent.setup();
    await user.click(send());

    const text = screen.getByRole('textbox', { name: 'Votre avis' });
    await waitFor(() =>
      expect(text).toHaveAccessibleDescription('Cette question est obligatoire.'),
    );
    expect(text).toHaveAttribute('aria-invalid', 'true');
    const summary = screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(
      screen.getByRole('link', {
        name: 'Question 1 «\u00a0Votre avis\u00a0»\u00a0: Cette question est obligatoire.',
      }),
    ).toHaveAttribute('href', `#${text.id}`);
    // said once, on the question: no second alert near the button
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(answer.calls).toHaveBeenCalledTimes(1);
  });

  it('shows an answer the API refuses by its input key on its question', async () => {
    const answer = anyVariables(
      ANSWER_SURVEY_MUTATION,
      refusedFields(['answers.0.text', '20000 caractères au plus.']),
    );
    const opinion = question('c', 2, 'LONG_ANSWER', { body: 'Votre avis' });
    renderWithProviders(
      <SurveyForm survey={{ ...survey, questions: [opinion] }} onAnswered={() => undefined} />,
      { mocks: [answer.mock] },
    );
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Votre avis' }), 'Plus de formations.');
    await user.click(send());

    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Votre avis' })).toHaveAccessibleDescription(
        '20000 caractères au plus.',
      ),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(document.body).not.toHaveTextContent(/answers\.0|Détails/);
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
