import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ASSEMBLY_INVITATIONS_QUERY, INVITE_ASSEMBLY_MEMBER_MUTATION } from '../graphql/assembly';
import { InvitationsAdmin } from './InvitationsAdmin';

const invitations = {
  request: { query: ASSEMBLY_INVITATIONS_QUERY, variables: { spaceId: 's1' } },
  result: { data: { assemblyInvitations: [] } },
  maxUsageCount: 5,
};

describe('<InvitationsAdmin>', () => {
  it('checks the address and the weight before sending: each field says it, focus on the summary, nothing sent', async () => {
    const invite = anyVariables(INVITE_ASSEMBLY_MEMBER_MUTATION, { data: null });
    renderWithProviders(<InvitationsAdmin spaceId="s1" />, { mocks: [invitations, invite.mock] });
    const user = userEvent.setup();
    const weight = screen.getByLabelText('Poids du vote');
    await user.clear(weight);
    await user.type(weight, 'beaucoup');
    await user.click(screen.getByRole('button', { name: 'Envoyer l’invitation' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    const email = screen.getByLabelText('Adresse e-mail de la personne invitée');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(
      'Renseignez le champ «\u00a0Adresse e-mail de la personne invitée\u00a0».',
    );
    expect(weight).toHaveAccessibleDescription(
      '«\u00a0Poids du vote\u00a0»\u00a0: un nombre supérieur à 0, 10000 au plus.',
    );
    expect(invite.calls).not.toHaveBeenCalled();
  });

  it('shows a weight the API refuses on its field, without its input key', async () => {
    const invite = anyVariables(
      INVITE_ASSEMBLY_MEMBER_MUTATION,
      refusedFields(['weight', '3 décimales au plus.']),
    );
    renderWithProviders(<InvitationsAdmin spaceId="s1" />, { mocks: [invitations, invite.mock] });
    const user = userEvent.setup();
    await user.type(
      screen.getByLabelText('Adresse e-mail de la personne invitée'),
      'li@example.org',
    );
    const weight = screen.getByLabelText('Poids du vote');
    await user.clear(weight);
    await user.type(weight, '1,2345');
    await user.click(screen.getByRole('button', { name: 'Envoyer l’invitation' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(weight).toHaveAccessibleDescription(
      '«\u00a0Poids du vote\u00a0»\u00a0: 3 décimales au plus.',
    );
    expect(invite.calls).toHaveBeenCalledTimes(1);
    expect(document.body).not.toHaveTextContent(/weight :|Détails/);
  });
});
