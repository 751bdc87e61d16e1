import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { CHANGE_PASSWORD_MUTATION } from '../graphql/account';
import { ChangePasswordSection } from './ChangePasswordSection';

describe('<ChangePasswordSection>', () => {
  it('checks both passwords before sending: each field says it, focus on the summary, nothing sent', async () => {
    const change = anyVariables(CHANGE_PASSWORD_MUTATION, { data: { changePassword: true } });
    renderWithProviders(<ChangePasswordSection />, { mocks: [change.mock] });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'court');
    await user.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    const current = screen.getByLabelText('Mot de passe actuel');
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(current).toHaveAccessibleDescription('Saisissez votre mot de passe actuel.');
    expect(screen.getByLabelText('Nouveau mot de passe')).toHaveAccessibleDescription(
      expect.stringContaining('Le mot de passe doit comporter au moins 10 caractères.'),
    );
    expect(change.calls).not.toHaveBeenCalled();
  });

  it('shows a field the API refuses on that field, without its input key', async () => {
    const change = anyVariables(
      CHANGE_PASSWORD_MUTATION,
      refusedFields(['currentPassword', '128 caractères au plus.']),
    );
    renderWithProviders(<ChangePasswordSection />, { mocks: [change.mock] });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Mot de passe actuel'), 'ancien-secret');
    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'nouveau-secret-2026');
    await user.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('Mot de passe actuel')).toHaveAccessibleDescription(
      '«\u00a0Mot de passe actuel\u00a0»\u00a0: 128 caractères au plus.',
    );
    expect(change.calls).toHaveBeenCalledTimes(1);
    expect(document.body).not.toHaveTextContent(/currentPassword|Détails/);
  });
});
