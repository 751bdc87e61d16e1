import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import {
  CREATE_SURVEY_MUTATION,
  UPDATE_SURVEY_MUTATION,
  type SurveyState,
} from '../graphql/surveys';
import { CreateSurveyForm, SurveySettingsForm } from './SurveyAdminPage';

const survey = {
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
  questions: [],
} as unknown as SurveyState;

describe('survey administration forms', () => {
  it('a new survey: a short title is said on the field, focus on the summary, nothing sent', async () => {
    const create = anyVariables(CREATE_SURVEY_MUTATION, { data: null });
    renderWithProviders(<CreateSurveyForm componentId="c1" onCreated={vi.fn()} />, {
      mocks: [create.mock],
    });
    const user = userEvent.setup();
    const title = screen.getByLabelText('Titre du questionnaire');
    await user.type(title, 'En');
    await user.click(screen.getByRole('button', { name: 'Créer le questionnaire' }));
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription(
      '«\u00a0Titre du questionnaire\u00a0»\u00a0: de 3 à 200 caractères.',
    );
    expect(create.calls).not.toHaveBeenCalled();
  });

  it('settings: a closing before the opening is said on its field, and a refused title lands on its field', async () => {
    const update = anyVariables(
      UPDATE_SURVEY_MUTATION,
      refusedFields(['title', '200 caractères au plus.']),
    );
    renderWithProviders(<SurveySettingsForm survey={survey} />, { mocks: [update.mock] });
    const user = userEvent.setup();
    const opens = screen.getByLabelText(/^Ouverture/);
    const closes = screen.getByLabelText(/^Clôture/);
    await user.type(opens, '2027-01-10T09:00');
    await user.type(closes, '2027-01-09T09:00');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(
      await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' }),
    ).toHaveFocus();
    expect(closes).toHaveAttribute('aria-invalid', 'true');
    expect(update.calls).not.toHaveBeenCalled();

    await user.clear(closes);
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const title = screen.getByLabelText('Titre du questionnaire');
    await waitFor(() =>
      expect(title).toHaveAccessibleDescription(
        '«\u00a0Titre du questionnaire\u00a0»\u00a0: 200 caractères au plus.',
      ),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(update.calls).toHaveBeenCalledTimes(1);
  });
});
