import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ADD_ASSEMBLY_MEMBER_MUTATION, ADMIN_MEMBERS_QUERY } from '../graphql/admin';
import { MembersAdmin } from './MembersAdmin';

const members = {
  request: { query: ADMIN_MEMBERS_QUERY, variables: { spaceId: 's1' } },
  result: { data: { assemblyMembers: [] } },
  maxUsageCount: 5,
};

describe('<MembersAdmin>', () => {
  it('checks the address and the weight before sending: each field says it, focus on the summary, nothing sent', async () => {
    const add = anyVariables(ADD_ASSEMBLY_MEMBER_MUTATION, { data: null });
    renderWithProviders(<MembersAdmin spaceId="s1" />, { mocks: [members, add.mock] });
    const user = userEvent.setup();
    await screen.findByText('Aucun membre pour le moment.');
    await user.type(screen.getByLabelText('Adresse e-mail du membre'), 'paul');
    const weight = screen.getByLabelText('Poids du vote');
    await user.clear(weight);
    await user.type(weight, '0');
    await user.click(screen.getByRole('button', { name: 'Ajouter le membre' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('Adresse e-mail du membre')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(weight).toHaveAccessibleDescription(
      '«\u00a0Poids du vote\u00a0»\u00a0: un nombre supérieur à 0, 10000 au plus.',
    );
    expect(add.calls).not.toHaveBeenCalled();
  });

  it('shows a college the API refuses on its field, without its input key', async () => {
    const add = anyVariables(
      ADD_ASSEMBLY_MEMBER_MUTATION,
      refusedFields(['college', '80 caractères au plus.']),
    );
    renderWithProviders(<MembersAdmin spaceId="s1" />, { mocks: [members, add.mock] });
    const user = userEvent.setup();
    await screen.findByText('Aucun membre pour le moment.');
    await user.type(screen.getByLabelText('Adresse e-mail du membre'), 'paul@example.org');
    await user.type(screen.getByLabelText('Collège'), 'Usagers');
    await user.click(screen.getByRole('button', { name: 'Ajouter le membre' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('Collège')).toHaveAccessibleDescription(
      '«\u00a0Collège\u00a0»\u00a0: 80 caractères au plus.',
    );
    expect(add.calls).toHaveBeenCalledTimes(1);
    expect(document.body).not.toHaveTextContent(/college :|Détails/);
  });
});
