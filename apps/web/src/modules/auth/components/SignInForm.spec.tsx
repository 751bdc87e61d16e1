import { GraphQLError } from 'graphql';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
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
});
