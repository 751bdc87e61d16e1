import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { CREATE_SPACE_MUTATION, UPDATE_SPACE_MUTATION, type AdminSpace } from '../graphql/admin';
import { NewSpaceForm } from './NewSpaceForm';
import { SpaceDetailsForm } from './SpaceDetailsForm';

const SPACE = {
  __typename: 'ParticipatorySpace',
  id: 's1',
  slug: 'charte',
  title: 'Charte',
  subtitle: '',
  description: '',
  published: true,
} as unknown as AdminSpace;

describe('<SpaceDetailsForm>', () => {
  it('checks the title with the API’s limits before sending: the field says it, focus on the summary, nothing sent', async () => {
    const update = anyVariables(UPDATE_SPACE_MUTATION, { data: { updateSpace: SPACE } });
    renderWithProviders(<SpaceDetailsForm space={SPACE} />, { mocks: [update.mock] });
    const user = userEvent.setup();
    const title = screen.getByLabelText('Titre');
    await user.clear(title);
    await user.type(title, 'Ch');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('link').textContent).toBe(
      '«\u00a0Titre\u00a0»\u00a0: de 3 à 150 caractères.',
    );
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('«\u00a0Titre\u00a0»\u00a0: de 3 à 150 caractères.');
    expect(update.calls).not.toHaveBeenCalled();
    expect(screen.queryByText('Détails :')).not.toBeInTheDocument();
  });

  it('shows each field the API refuses on that field, never its input keys', async () => {
    const update = anyVariables(
      UPDATE_SPACE_MUTATION,
      refusedFields(['title', 'au moins 3 caractères.'], ['subtitle', '300 caractères au plus.']),
    );
    renderWithProviders(<SpaceDetailsForm space={SPACE} />, { mocks: [update.mock] });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('Titre')).toHaveAccessibleDescription(
      '«\u00a0Titre\u00a0»\u00a0: au moins 3 caractères.',
    );
    expect(screen.getByLabelText('Sous-titre')).toHaveAttribute('aria-invalid', 'true');
    expect(document.body).not.toHaveTextContent(/title :|subtitle :|Détails/);
  });
});

describe('<NewSpaceForm>', () => {
  it('flags an empty slug and title, and sends nothing', async () => {
    const create = anyVariables(CREATE_SPACE_MUTATION, { data: { createSpace: SPACE } });
    renderWithProviders(<NewSpaceForm />, { mocks: [create.mock] });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Créer l’espace' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('Adresse (slug)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Titre')).toHaveAccessibleDescription(
      'Renseignez le champ «\u00a0Titre\u00a0».',
    );
    await user.click(within(summary).getAllByRole('link')[1]);
    expect(screen.getByLabelText('Titre')).toHaveFocus();
    expect(create.calls).not.toHaveBeenCalled();
  });
});
