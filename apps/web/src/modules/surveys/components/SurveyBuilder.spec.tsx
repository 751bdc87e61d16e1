import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import {
  ADD_SURVEY_OPTION_MUTATION,
  ADD_SURVEY_QUESTION_MUTATION,
  UPDATE_SURVEY_OPTION_MUTATION,
  UPDATE_SURVEY_QUESTION_MUTATION,
  type SurveyQuestionState,
  type SurveyState,
} from '../graphql/surveys';
import { SurveyBuilder } from './SurveyBuilder';

const option = (id: string, body: string) => ({
  __typename: 'SurveyQuestionOption',
  id,
  body,
  freeText: false,
});
const question = (
  id: string,
  position: number,
  type: string,
  extra: Partial<SurveyQuestionState> = {},
): SurveyQuestionState =>
  ({
    __typename: 'SurveyQuestion',
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
  }) as SurveyQuestionState;
const typology = question('a', 0, 'SINGLE_OPTION', {
  body: 'Votre structure',
  options: [option('o1', 'Entreprise'), option('o2', 'Hôpital')],
});
const opinion = question('b', 1, 'LONG_ANSWER', { body: 'Votre avis' });
const survey = (questions: SurveyQuestionState[]): SurveyState =>
  ({
    __typename: 'Survey',
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
    viewerCanAdminister: true,
    viewerCanSeeResults: true,
    questions,
  }) as SurveyState;

describe('<SurveyBuilder> editing', () => {
  it('edits a question’s wording and mandatory flag through updateSurveyQuestion, then gives focus back', async () => {
    const variables = {
      questionId: 'b',
      input: {
        body: 'Votre avis sur la feuille de route',
        description: '',
        mandatory: true,
        condition: null,
        maxCharacters: 0,
      },
    };
    const result = vi.fn(() => ({
      data: {
        updateSurveyQuestion: survey([
          typology,
          { ...opinion, body: variables.input.body, mandatory: true },
        ]),
      },
    }));
    renderWithProviders(<SurveyBuilder survey={survey([typology, opinion])} />, {
      mocks: [{ request: { query: UPDATE_SURVEY_QUESTION_MUTATION, variables }, result }],
    });
    const edit = screen.getByRole('button', {
      name: 'Modifier la question «\u00a0Votre avis\u00a0»',
    });
    await userEvent.click(edit);
    const wording = screen.getByLabelText('Intitulé', { selector: '#edit-question-b-body' });
    expect(wording).toHaveFocus();
    await userEvent.clear(wording);
    await userEvent.type(wording, 'Votre avis sur la feuille de route');
    const form = within(
      screen.getByRole('form', { name: 'Modifier la question «\u00a0Votre avis\u00a0»' }),
    );
    await userEvent.click(form.getByRole('checkbox', { name: 'Obligatoire' }));
    expect(form.getByLabelText('Afficher seulement si la question')).toHaveValue('');
    await userEvent.click(form.getByRole('button', { name: 'Enregistrer' }));
    expect(
      await screen.findByText('Question « Votre avis sur la feuille de route » enregistrée.'),
    ).toHaveAttribute('role', 'status');
    expect(result).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByLabelText('Intitulé', { selector: '#edit-question-b-body' })).toBeNull();
    expect(edit).toHaveFocus();
  });

  it('shows a refused edit as an alert and keeps the form open; Escape cancels and gives focus back', async () => {
    renderWithProviders(<SurveyBuilder survey={survey([typology, opinion])} />, {
      mocks: [
        {
          request: {
            query: UPDATE_SURVEY_QUESTION_MUTATION,
            variables: {
              questionId: 'a',
              input: { body: 'Structure', description: '', mandatory: false, condition: null },
            },
          },
          result: {
            errors: [
              {
                message: 'La condition doit porter sur une question précédente de cette enquête.',
                extensions: { code: 'BAD_USER_INPUT' },
              },
            ],
          },
        },
      ],
    });
    const edit = screen.getByRole('button', {
      name: 'Modifier la question «\u00a0Votre structure\u00a0»',
    });
    await userEvent.click(edit);
    const wording = screen.getByLabelText('Intitulé', { selector: '#edit-question-a-body' });
    await userEvent.clear(wording);
    await userEvent.type(wording, 'Structure');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(wording).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByLabelText('Intitulé', { selector: '#edit-question-a-body' })).toBeNull();
    expect(edit).toHaveFocus();
  });

  it('sets a display condition on an earlier question’s option; a text question only offers "a reçu une réponse"', async () => {
    const summary = question('c', 2, 'SHORT_ANSWER', { body: 'En un mot' });
    const variables = {
      questionId: 'c',
      input: {
        body: 'En un mot',
        description: '',
        mandatory: false,
        condition: { questionId: 'a', kind: 'NOT_EQUALS', optionId: 'o2' },
        maxCharacters: 0,
      },
    };
    const result = vi.fn(() => ({
      data: {
        updateSurveyQuestion: survey([
          typology,
          opinion,
          { ...summary, condition: { questionId: 'a', kind: 'NOT_EQUALS', optionId: 'o2' } },
        ]),
      },
    }));
    renderWithProviders(<SurveyBuilder survey={survey([typology, opinion, summary])} />, {
      mocks: [{ request: { query: UPDATE_SURVEY_QUESTION_MUTATION, variables }, result }],
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Modifier la question «\u00a0En un mot\u00a0»' }),
    );
    const form = within(
      screen.getByRole('form', { name: 'Modifier la question «\u00a0En un mot\u00a0»' }),
    );
    await userEvent.selectOptions(form.getByLabelText('Afficher seulement si la question'), 'b');
    expect(form.getByLabelText('Condition')).toHaveValue('ANSWERED');
    expect(within(form.getByLabelText('Condition')).getAllByRole('option')).toHaveLength(1);
    expect(form.queryByLabelText('Option de la condition')).toBeNull();
    await userEvent.selectOptions(form.getByLabelText('Afficher seulement si la question'), 'a');
    await userEvent.selectOptions(form.getByLabelText('Condition'), 'NOT_EQUALS');
    await userEvent.selectOptions(form.getByLabelText('Option de la condition'), 'o2');
    await userEvent.click(form.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Question « En un mot » enregistrée.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(result).toHaveBeenCalledTimes(1);
  });

  it('renames an option through updateSurveyOption', async () => {
    const variables = { optionId: 'o2', input: { body: 'Établissement de santé' } };
    const result = vi.fn(() => ({
      data: {
        updateSurveyOption: survey([
          {
            ...typology,
            options: [option('o1', 'Entreprise'), option('o2', 'Établissement de santé')],
          } as SurveyQuestionState,
          opinion,
        ]),
      },
    }));
    renderWithProviders(<SurveyBuilder survey={survey([typology, opinion])} />, {
      mocks: [{ request: { query: UPDATE_SURVEY_OPTION_MUTATION, variables }, result }],
    });
    const rename = screen.getByRole('button', { name: 'Renommer l’option «\u00a0Hôpital\u00a0»' });
    await userEvent.click(rename);
    const field = screen.getByLabelText('Nouveau libellé de l’option « Hôpital »');
    expect(field).toHaveFocus();
    await userEvent.clear(field);
    await userEvent.type(field, 'Établissement de santé{Enter}');
    expect(
      await screen.findByText('Option renommée en « Établissement de santé ».'),
    ).toHaveAttribute('role', 'status');
    expect(result).toHaveBeenCalledTimes(1);
    expect(rename).toHaveFocus();
  });
});

describe('<SurveyBuilder> inline edits check themselves', () => {
  it('a question’s edit: a blank wording and a negative limit are said on their fields, focus on the summary, nothing sent', async () => {
    const update = anyVariables(UPDATE_SURVEY_QUESTION_MUTATION, { data: null });
    renderWithProviders(<SurveyBuilder survey={survey([typology, opinion])} />, {
      mocks: [update.mock],
    });
    const user = userEvent.setup();
    await user.click(
      screen.getByRole('button', { name: 'Modifier la question «\u00a0Votre avis\u00a0»' }),
    );
    const form = within(
      screen.getByRole('form', { name: 'Modifier la question «\u00a0Votre avis\u00a0»' }),
    );
    await user.clear(form.getByLabelText('Intitulé'));
    const limit = form.getByLabelText('Nombre maximal de caractères (0 : sans limite)');
    await user.clear(limit);
    await user.type(limit, '-1');
    await user.click(form.getByRole('button', { name: 'Enregistrer' }));

    const summary = await form.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    const wording = form.getByLabelText('Intitulé');
    expect(wording).toHaveAttribute('aria-invalid', 'true');
    expect(wording).toHaveAccessibleDescription('Renseignez le champ «\u00a0Intitulé\u00a0».');
    expect(limit).toHaveAccessibleDescription(
      '«\u00a0Nombre maximal de caractères\u00a0»\u00a0: un nombre entier de 0 à 20000.',
    );
    expect(update.calls).not.toHaveBeenCalled();
  });

  it('a question’s edit: a description the API refuses lands on its field, without its input key', async () => {
    const update = anyVariables(
      UPDATE_SURVEY_QUESTION_MUTATION,
      refusedFields(['description', '5000 caractères au plus.']),
    );
    renderWithProviders(<SurveyBuilder survey={survey([typology, opinion])} />, {
      mocks: [update.mock],
    });
    const user = userEvent.setup();
    await user.click(
      screen.getByRole('button', { name: 'Modifier la question «\u00a0Votre avis\u00a0»' }),
    );
    const form = within(
      screen.getByRole('form', { name: 'Modifier la question «\u00a0Votre avis\u00a0»' }),
    );
    await user.type(form.getByLabelText('Description (facultatif)'), 'Dites-nous tout.');
    await user.click(form.getByRole('button', { name: 'Enregistrer' }));

    const summary = await form.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(form.getByLabelText('Description (facultatif)')).toHaveAccessibleDescription(
      '«\u00a0Description\u00a0»\u00a0: 5000 caractères au plus.',
    );
    expect(update.calls).toHaveBeenCalledTimes(1);
    expect(document.body).not.toHaveTextContent(/description :|Détails/);
  });

  it('an option’s rename: a blank wording is said on the field and nothing sent; a wording the API refuses lands on it', async () => {
    const rename = anyVariables(
      UPDATE_SURVEY_OPTION_MUTATION,
      refusedFields(['body', '500 caractères au plus.']),
    );
    renderWithProviders(<SurveyBuilder survey={survey([typology, opinion])} />, {
      mocks: [rename.mock],
    });
    const user = userEvent.setup();
    await user.click(
      screen.getByRole('button', { name: 'Renommer l’option «\u00a0Hôpital\u00a0»' }),
    );
    const field = screen.getByLabelText('Nouveau libellé de l’option « Hôpital »');
    await user.clear(field);
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(
      await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' }),
    ).toHaveFocus();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(
      'Renseignez le champ «\u00a0Libellé de l’option\u00a0».',
    );
    expect(rename.calls).not.toHaveBeenCalled();

    await user.type(field, 'Établissement de santé');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        '«\u00a0Libellé de l’option\u00a0»\u00a0: 500 caractères au plus.',
      ),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(rename.calls).toHaveBeenCalledTimes(1);
  });
});

describe('<SurveyBuilder> adding an option', () => {
  const newOption = 'Nouvelle option pour « Votre structure »';
  /** The add-option form of the question « Votre structure ». */
  const addForm = () => within(screen.getByLabelText(newOption).closest('form')!);

  it('sends the trimmed wording through addSurveyOption ("Autre…" asks for free text) and empties the field', async () => {
    const variables = { input: { questionId: 'a', body: 'Autre', freeText: true } };
    const result = vi.fn(() => ({
      data: {
        addSurveyOption: survey([
          {
            ...typology,
            options: [...typology.options, { ...option('o3', 'Autre'), freeText: true }],
          } as SurveyQuestionState,
          opinion,
        ]),
      },
    }));
    renderWithProviders(<SurveyBuilder survey={survey([typology, opinion])} />, {
      mocks: [{ request: { query: ADD_SURVEY_OPTION_MUTATION, variables }, result }],
    });
    const user = userEvent.setup();
    const field = screen.getByLabelText(newOption);
    await user.type(field, '  Autre  ');
    await user.click(addForm().getByRole('button', { name: 'Ajouter' }));

    await waitFor(() => expect(field).toHaveValue(''));
    expect(result).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field).not.toHaveAttribute('aria-invalid');
    // said in the form's polite live region
    expect(addForm().getByRole('status').textContent).toBe('Option «\u00a0Autre\u00a0» ajoutée.');
  });

  it('a blank wording is said on the field, focus on the summary, nothing sent; the button stays usable', async () => {
    const add = anyVariables(ADD_SURVEY_OPTION_MUTATION, { data: null });
    renderWithProviders(<SurveyBuilder survey={survey([typology, opinion])} />, {
      mocks: [add.mock],
    });
    const user = userEvent.setup();
    const button = addForm().getByRole('button', { name: 'Ajouter' });
    expect(button).toBeEnabled();
    await user.type(screen.getByLabelText(newOption), '   ');
    await user.click(button);

    const summary = await addForm().findByRole('alert', {
      name: 'Le formulaire contient 1 erreur',
    });
    expect(summary).toHaveFocus();
    expect(
      within(summary).getByRole('link', {
        name: 'Renseignez le champ «\u00a0Nouvelle option\u00a0».',
      }),
    ).toHaveAttribute('href', '#new-option-a');
    const field = screen.getByLabelText(newOption);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('Renseignez le champ «\u00a0Nouvelle option\u00a0».');
    expect(add.calls).not.toHaveBeenCalled();
  });

  it('a wording over SurveyLimits.optionBodyMaxLength is said on the field, focus on the summary, nothing sent', async () => {
    const add = anyVariables(ADD_SURVEY_OPTION_MUTATION, { data: null });
    renderWithProviders(<SurveyBuilder survey={survey([typology, opinion])} />, {
      mocks: [add.mock],
    });
    const user = userEvent.setup();
    const field = screen.getByLabelText(newOption);
    // the input's maxLength stops typing; a pasted or scripted value may still go past it
    fireEvent.change(field, { target: { value: 'x'.repeat(501) } });
    await user.click(addForm().getByRole('button', { name: 'Ajouter' }));

    expect(
      await addForm().findByRole('alert', { name: 'Le formulaire contient 1 erreur' }),
    ).toHaveFocus();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(
      '«\u00a0Nouvelle option\u00a0»\u00a0: 500 caractères au plus.',
    );
    expect(add.calls).not.toHaveBeenCalled();
  });

  it('a wording the API refuses lands on the field, without its input key, focus on the summary', async () => {
    const add = anyVariables(
      ADD_SURVEY_OPTION_MUTATION,
      refusedFields(['body', '500 caractères au plus.']),
    );
    renderWithProviders(<SurveyBuilder survey={survey([typology, opinion])} />, {
      mocks: [add.mock],
    });
    const user = userEvent.setup();
    const field = screen.getByLabelText(newOption);
    await user.type(field, 'Association');
    await user.click(addForm().getByRole('button', { name: 'Ajouter' }));

    const summary = await addForm().findByRole('alert', {
      name: 'Le formulaire contient 1 erreur',
    });
    expect(summary).toHaveFocus();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(
      '«\u00a0Nouvelle option\u00a0»\u00a0: 500 caractères au plus.',
    );
    expect(field).toHaveValue('Association');
    expect(add.calls).toHaveBeenCalledTimes(1);
    // the refusal is said once, on its field: no second alert repeating it
    expect(screen.getAllByRole('alert')).toEqual([summary]);
    expect(document.body).not.toHaveTextContent(/body :|Détails/);
  });
});

describe('<SurveyBuilder> adding a question', () => {
  it('adds a question through addSurveyQuestion, empties the form and says so in its live region', async () => {
    const variables = {
      input: { surveyId: 's1', type: 'SHORT_ANSWER', body: 'Votre région', mandatory: false },
    };
    const added = question('c', 2, 'SHORT_ANSWER', { body: 'Votre région' });
    const result = vi.fn(() => ({ data: { addSurveyQuestion: survey([opinion, added]) } }));
    renderWithProviders(<SurveyBuilder survey={survey([opinion])} />, {
      mocks: [{ request: { query: ADD_SURVEY_QUESTION_MUTATION, variables }, result }],
    });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Type de question'), 'SHORT_ANSWER');
    await user.type(screen.getByLabelText('Intitulé'), 'Votre région');
    await user.click(screen.getByRole('button', { name: 'Ajouter la question' }));

    await waitFor(() => expect(screen.getByLabelText('Intitulé')).toHaveValue(''));
    expect(result).toHaveBeenCalledTimes(1);
    const form = within(
      screen.getByRole('button', { name: 'Ajouter la question' }).closest('form')!,
    );
    expect(form.getByRole('status').textContent).toBe(
      'Question «\u00a0Votre région\u00a0» ajoutée.',
    );
  });

  it('checks the wording and the scale before sending: each field says it, focus on the summary, nothing sent', async () => {
    const add = anyVariables(ADD_SURVEY_QUESTION_MUTATION, { data: null });
    renderWithProviders(<SurveyBuilder survey={survey([opinion])} />, { mocks: [add.mock] });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Type de question'), 'SCALE');
    await user.clear(screen.getByLabelText('Libellés de l’échelle (un par point)'));
    await user.type(screen.getByLabelText('Libellés de l’échelle (un par point)'), 'seul');
    await user.click(screen.getByRole('button', { name: 'Ajouter la question' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    const wording = screen.getByLabelText('Intitulé');
    expect(wording).toHaveAttribute('aria-invalid', 'true');
    expect(wording).toHaveAccessibleDescription('Renseignez le champ «\u00a0Intitulé\u00a0».');
    expect(
      screen.getByLabelText('Libellés de l’échelle (un par point)'),
    ).toHaveAccessibleDescription(
      '«\u00a0Libellés de l’échelle\u00a0»\u00a0: de 2 à 11 libellés, de 100 caractères au plus chacun.',
    );
    expect(add.calls).not.toHaveBeenCalled();
  });

  it('shows options the API refuses on the options field, without the input key', async () => {
    const add = anyVariables(
      ADD_SURVEY_QUESTION_MUTATION,
      refusedFields(['options.0.body', '500 caractères au plus.']),
    );
    renderWithProviders(<SurveyBuilder survey={survey([opinion])} />, { mocks: [add.mock] });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Intitulé'), 'Votre région');
    await user.type(
      screen.getByLabelText('Options (une par ligne ; « Autre » demande une précision)'),
      'Nord{enter}Sud',
    );
    await user.click(screen.getByRole('button', { name: 'Ajouter la question' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(
      screen.getByLabelText('Options (une par ligne ; « Autre » demande une précision)'),
    ).toHaveAccessibleDescription('«\u00a0Options\u00a0»\u00a0: 500 caractères au plus.');
    expect(add.calls).toHaveBeenCalledTimes(1);
    expect(document.body).not.toHaveTextContent(/options\.0|Détails/);
  });
});
