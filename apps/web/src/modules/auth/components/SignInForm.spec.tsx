import { GraphQLError } from 'graphql';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { anyVariables } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { LOGIN_MUTATION } from '../graphql/auth';
import { SignInForm } from './SignInForm';

const input = { email: 'alice@example.org', password: 'pas le bon mot de passe' };

async function submit() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Adresse e-mail'), input.email);
  await user.type(screen.getByLabelText('Mot de passe'), input.password);
  await user.click(screen.getByRole('button', { name: 'Se connecter' }));
}

describe('<SignInForm>', () => {
  it.each([
    ['UNAUTHENTICATED', 'Adresse e-mail ou mot de passe incorrect.'],
    ['TOO_MANY_REQUESTS', 'Trop de tentatives, réessayez dans une minute.'],
  ])('announces %s as an alert', async (code, message) => {
    const onSuccess = vi.fn();
    renderWithProviders(<SignInForm onSuccess={onSuccess} />, {
      mocks: [
        {
          request: { query: LOGIN_MUTATION, variables: { input } },
          result: { errors: [new GraphQLError('refusé', { extensions: { code } })] },
        },
      ],
    });
    await submit();
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('checks empty fields before sending: each says so, focus on the summary, no « incorrect » answer', async () => {
    const login = anyVariables(LOGIN_MUTATION, {
      errors: [new GraphQLError('refusé', { extensions: { code: 'UNAUTHENTICATED' } })],
    });
    renderWithProviders(<SignInForm onSuccess={vi.fn()} />, { mocks: [login.mock] });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Adresse e-mail')).toHaveAccessibleDescription(
      'Renseignez le champ «\u00a0Adresse e-mail\u00a0».',
    );
    expect(screen.getByLabelText('Mot de passe')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('Adresse e-mail ou mot de passe incorrect.')).not.toBeInTheDocument();
    expect(login.calls).not.toHaveBeenCalled();
  });

  it('flags a malformed address on its field', async () => {
    const login = anyVariables(LOGIN_MUTATION, { data: null });
    renderWithProviders(<SignInForm onSuccess={vi.fn()} />, { mocks: [login.mock] });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Adresse e-mail'), 'alice');
    await user.type(screen.getByLabelText('Mot de passe'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(
      await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' }),
    ).toHaveFocus();
    expect(screen.getByLabelText('Adresse e-mail')).toHaveAccessibleDescription(
      /saisissez une adresse e-mail valide/,
    );
    expect(login.calls).not.toHaveBeenCalled();
  });
});
