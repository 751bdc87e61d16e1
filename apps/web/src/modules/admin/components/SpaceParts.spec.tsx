import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import {
  ASSIGN_SPACE_ROLE_MUTATION,
  CREATE_COMPONENT_MUTATION,
  CREATE_PHASE_MUTATION,
  SPACE_ROLES_QUERY,
} from '../graphql/admin';
import { ComponentsAdmin } from './ComponentsAdmin';
import { PhasesAdmin } from './PhasesAdmin';
import { RolesAdmin } from './RolesAdmin';

const PHASE = {
  __typename: 'SpacePhase',
  id: 'p1',
  title: 'Diagnostic',
  description: '',
  startDate: null,
  endDate: null,
  position: 0,
  active: false,
};

describe('<PhasesAdmin> new phase', () => {
  it('flags an empty title and an end before the start, focus on the summary, nothing sent', async () => {
    const create = anyVariables(CREATE_PHASE_MUTATION, { data: { createPhase: PHASE } });
    renderWithProviders(<PhasesAdmin spaceId="s1" phases={[]} />, { mocks: [create.mock] });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Date de début'), '2026-05-10');
    await user.type(screen.getByLabelText('Date de fin'), '2026-05-01');
    await user.click(screen.getByRole('button', { name: 'Ajouter la phase' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Renseignez le champ «\u00a0Titre de la phase\u00a0».',
      '«\u00a0Date de fin\u00a0»\u00a0: la fin ne peut pas précéder le début.',
    ]);
    expect(screen.getByLabelText('Titre de la phase')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Date de fin')).toHaveAccessibleDescription(
      '«\u00a0Date de fin\u00a0»\u00a0: la fin ne peut pas précéder le début.',
    );
    expect(create.calls).not.toHaveBeenCalled();
  });

  it('puts the API’s refusal of a field on that field', async () => {
    const create = anyVariables(
      CREATE_PHASE_MUTATION,
      refusedFields(['description', '20000 caractères au plus.']),
    );
    renderWithProviders(<PhasesAdmin spaceId="s1" phases={[]} />, { mocks: [create.mock] });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Titre de la phase'), 'Diagnostic');
    await user.click(screen.getByRole('button', { name: 'Ajouter la phase' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('Description de la phase')).toHaveAccessibleDescription(
      '«\u00a0Description de la phase\u00a0»\u00a0: 20000 caractères au plus.',
    );
    expect(create.calls).toHaveBeenCalledTimes(1);
    expect(document.body).not.toHaveTextContent(/description :|Détails/);
  });
});

describe('<ComponentsAdmin> new component', () => {
  it('checks the title’s length before sending', async () => {
    const create = anyVariables(CREATE_COMPONENT_MUTATION, { data: null });
    renderWithProviders(<ComponentsAdmin spaceId="s1" components={[]} />, {
      mocks: [create.mock],
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Titre de la fonctionnalité'), 'Ab');
    await user.click(screen.getByRole('button', { name: 'Ajouter la fonctionnalité' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    const title = screen.getByLabelText('Titre de la fonctionnalité');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription(
      '«\u00a0Titre de la fonctionnalité\u00a0»\u00a0: de 3 à 150 caractères.',
    );
    expect(create.calls).not.toHaveBeenCalled();
  });

  it('puts the API’s refusal of the title on the field', async () => {
    const create = anyVariables(
      CREATE_COMPONENT_MUTATION,
      refusedFields(['title', 'au moins 3 caractères.']),
    );
    renderWithProviders(<ComponentsAdmin spaceId="s1" components={[]} />, {
      mocks: [create.mock],
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Titre de la fonctionnalité'), 'Propositions');
    await user.click(screen.getByRole('button', { name: 'Ajouter la fonctionnalité' }));

    expect(
      await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' }),
    ).toHaveFocus();
    expect(screen.getByLabelText('Titre de la fonctionnalité')).toHaveAccessibleDescription(
      '«\u00a0Titre de la fonctionnalité\u00a0»\u00a0: au moins 3 caractères.',
    );
    expect(document.body).not.toHaveTextContent(/title :|Détails/);
  });
});

describe('<RolesAdmin>', () => {
  it('checks the e-mail address before sending', async () => {
    const assign = anyVariables(ASSIGN_SPACE_ROLE_MUTATION, { data: null });
    const roles = {
      request: { query: SPACE_ROLES_QUERY, variables: { spaceId: 's1' } },
      result: { data: { spaceRoles: [] } },
    };
    renderWithProviders(<RolesAdmin spaceId="s1" />, { mocks: [roles, assign.mock] });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Adresse e-mail du compte'), 'pas-une-adresse');
    await user.click(screen.getByRole('button', { name: 'Attribuer le rôle' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('Adresse e-mail du compte')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(assign.calls).not.toHaveBeenCalled();
  });
});
