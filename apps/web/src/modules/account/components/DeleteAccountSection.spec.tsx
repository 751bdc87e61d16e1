import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { MY_SIGN_IN_METHODS_QUERY } from '../../identities/graphql/identities';
import { DELETE_MY_ACCOUNT_MUTATION } from '../graphql/account';
import { DeleteAccountSection } from './DeleteAccountSection';

const withPassword = {
  request: { query: MY_SIGN_IN_METHODS_QUERY },
  result: {
    data: { mySignInMethods: { __typename: 'SignInMethods', password: true, identities: [] } },
  },
};
const submit = () => screen.getByRole('button', { name: 'Supprimer définitivement mon compte' });

describe('<DeleteAccountSection>', () => {
  it('asks for the password before sending: the field says it, focus on the summary, nothing sent', async () => {
    const remove = anyVariables(DELETE_MY_ACCOUNT_MUTATION, { data: { deleteMyAccount: true } });
    renderWithProviders(<DeleteAccountSection />, { mocks: [withPassword, remove.mock] });
    const user = userEvent.setup();
    await user.click(submit());

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    const field = screen.getByLabelText('Mot de passe (pour confirmer)');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('Saisissez votre mot de passe actuel.');
    expect(
      screen.getByRole('link', { name: 'Saisissez votre mot de passe actuel.' }),
    ).toHaveAttribute('href', `#${field.id}`);
    expect(remove.calls).not.toHaveBeenCalled();
  });

  it('shows a wrong password, and a password the API refuses, on the field', async () => {
    const wrong = {
      request: {
        query: DELETE_MY_ACCOUNT_MUTATION,
        variables: { input: { password: 'pas le bon' } },
      },
      result: {
        errors: [
          new GraphQLError('Mot de passe incorrect.', { extensions: { code: 'WRONG_PASSWORD' } }),
        ],
      },
    };
    const refused = {
      request: {
        query: DELETE_MY_ACCOUNT_MUTATION,
        variables: { input: { password: 'x'.repeat(20) } },
      },
      result: refusedFields(['password', '128 caractères au plus.']),
    };
    renderWithProviders(<DeleteAccountSection />, { mocks: [withPassword, wrong, refused] });
    const user = userEvent.setup();
    const field = await screen.findByLabelText('Mot de passe (pour confirmer)');
    await user.type(field, 'pas le bon');
    await user.click(submit());
    await waitFor(() => expect(field).toHaveAccessibleDescription('Mot de passe incorrect.'));
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();

    await user.clear(field);
    await user.type(field, 'x'.repeat(20));
    await user.click(submit());
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        '«\u00a0Mot de passe (pour confirmer)\u00a0»\u00a0: 128 caractères au plus.',
      ),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(document.body).not.toHaveTextContent(/password :|Détails/);
  });
});
