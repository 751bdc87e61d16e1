import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import {
  CONFIRM_EMAIL_MUTATION,
  EMAIL_CONFIRMATION_QUERY,
  REQUEST_PASSWORD_RESET_MUTATION,
  RESET_PASSWORD_MUTATION,
} from '../graphql/auth';
import {
  EmailConfirmationPage,
  PasswordResetPage,
  PasswordResetRequestPage,
} from './AccountRecoveryPages';

const TOKEN = 'Jt9dQm2vXr7LkP4sW8zN1bC6hF3yA5eG0uR2iO9tV7w';
const invalidLink = {
  errors: [
    new GraphQLError('Lien invalide', {
      extensions: { code: 'BAD_USER_INPUT', field: 'token', reason: 'INVALID_TOKEN' },
    }),
  ],
};

describe('account recovery pages', () => {
  it('« Mot de passe oublié »: a malformed address is named on its field; a sent link is confirmed without telling whether the account exists', async () => {
    const user = userEvent.setup();
    renderWithProviders(<PasswordResetRequestPage />, {
      mocks: [
        {
          request: {
            query: REQUEST_PASSWORD_RESET_MUTATION,
            variables: { input: { email: 'alice@exemple.org' } },
          },
          result: { data: { requestPasswordReset: true } },
        },
      ],
    });
    const email = screen.getByLabelText('Adresse e-mail');
    await user.type(email, 'alice');
    await user.click(screen.getByRole('button', { name: 'Recevoir un lien' }));
    expect(email).toHaveAccessibleDescription(/Saisissez une adresse e-mail valide/);
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    await user.clear(email);
    await user.type(email, ' alice@exemple.org ');
    await user.click(screen.getByRole('button', { name: 'Recevoir un lien' }));
    const sent = await screen.findByText(/Si un compte existe pour alice@exemple.org/);
    await waitFor(() => expect(sent.parentElement).toHaveFocus());
  });

  it('« Choisir un nouveau mot de passe »: a weak password and a different confirmation are named on their fields; success leads to the sign-in', async () => {
    const user = userEvent.setup();
    renderWithProviders(<PasswordResetPage />, {
      route: `/nouveau-mot-de-passe?jeton=${TOKEN}`,
      path: '/nouveau-mot-de-passe',
      mocks: [
        {
          request: {
            query: RESET_PASSWORD_MUTATION,
            variables: { input: { token: TOKEN, newPassword: 'une phrase de passe solide' } },
          },
          result: { data: { resetPassword: true } },
        },
      ],
    });
    const password = screen.getByLabelText('Nouveau mot de passe');
    const confirmation = screen.getByLabelText('Confirmez le nouveau mot de passe');
    await user.type(password, 'court');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    expect(password).toHaveAccessibleDescription(/au moins/);
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    await user.clear(password);
    await user.type(password, 'une phrase de passe solide');
    await user.type(confirmation, 'une autre phrase de passe');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    expect(confirmation).toHaveAccessibleDescription(/ne sont pas identiques/);
    expect(confirmation).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    await user.clear(confirmation);
    await user.type(confirmation, 'une phrase de passe solide');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    expect(await screen.findByText('Autre page')).toBeInTheDocument(); // navigated to /connexion
  });

  it('sends nothing after a failed check, and shows a password the API refuses on its field', async () => {
    const user = userEvent.setup();
    const reset = anyVariables(
      RESET_PASSWORD_MUTATION,
      refusedFields(['newPassword', '128 caractères au plus.']),
    );
    renderWithProviders(<PasswordResetPage />, {
      route: `/nouveau-mot-de-passe?jeton=${TOKEN}`,
      path: '/nouveau-mot-de-passe',
      mocks: [reset.mock],
    });
    const password = screen.getByLabelText('Nouveau mot de passe');
    await user.type(password, 'court');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    expect(reset.calls).not.toHaveBeenCalled();
    await user.clear(password);
    await user.type(password, 'une phrase de passe solide');
    await user.type(
      screen.getByLabelText('Confirmez le nouveau mot de passe'),
      'une phrase de passe solide',
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    await waitFor(() =>
      expect(password).toHaveAccessibleDescription(
        expect.stringContaining(
          '«\u00a0Nouveau mot de passe\u00a0»\u00a0: 128 caractères au plus.',
        ),
      ),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(reset.calls).toHaveBeenCalledTimes(1);
  });

  it('an unknown, used or expired reset link says so and offers a new one', async () => {
    const user = userEvent.setup();
    renderWithProviders(<PasswordResetPage />, {
      route: `/nouveau-mot-de-passe?jeton=${TOKEN}`,
      path: '/nouveau-mot-de-passe',
      mocks: [
        {
          request: {
            query: RESET_PASSWORD_MUTATION,
            variables: { input: { token: TOKEN, newPassword: 'une phrase de passe solide' } },
          },
          result: invalidLink,
        },
      ],
    });
    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'une phrase de passe solide');
    await user.type(
      screen.getByLabelText('Confirmez le nouveau mot de passe'),
      'une phrase de passe solide',
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce lien n’est pas valable');
    expect(screen.getByRole('link', { name: 'Demander un nouveau lien' })).toHaveAttribute(
      'href',
      '/mot-de-passe-oublie',
    );
  });

  it('the confirmation link confirms the address once when the page opens', async () => {
    let calls = 0;
    renderWithProviders(<EmailConfirmationPage />, {
      route: `/confirmer-adresse?jeton=${TOKEN}`,
      path: '/confirmer-adresse',
      mocks: [
        {
          request: { query: CONFIRM_EMAIL_MUTATION, variables: { input: { token: TOKEN } } },
          result: () => {
            calls += 1;
            return { data: { confirmEmail: true } };
          },
        },
        { request: { query: EMAIL_CONFIRMATION_QUERY }, result: { data: { me: null } } },
      ],
    });
    const done = await screen.findByText('Votre adresse e-mail est confirmée. Merci !');
    await waitFor(() => expect(done.parentElement).toHaveFocus());
    expect(calls).toBe(1);
  });

  it('a spent confirmation link offers a new one from « Mon compte »', async () => {
    renderWithProviders(<EmailConfirmationPage />, {
      route: `/confirmer-adresse?jeton=${TOKEN}`,
      path: '/confirmer-adresse',
      mocks: [
        {
          request: { query: CONFIRM_EMAIL_MUTATION, variables: { input: { token: TOKEN } } },
          result: invalidLink,
        },
      ],
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Ce lien de confirmation n’est pas valable',
    );
    expect(screen.getByRole('link', { name: /Recevoir un nouveau lien/ })).toHaveAttribute(
      'href',
      '/mon-compte',
    );
  });
});
