import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../../../App';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { TERMS_DOCUMENTS_QUERY } from '../../account/graphql/account';
import {
  ADMINISTERED_SPACES_QUERY,
  LOGIN_MUTATION,
  LOGOUT_MUTATION,
  ME_QUERY,
  REGISTER_MUTATION,
} from '../graphql/auth';

const alice = {
  __typename: 'User',
  id: 'u1',
  name: 'Alice Martin',
  email: 'alice@example.org',
  isAdmin: false,
};
const noAdministeredSpace = {
  request: { query: ADMINISTERED_SPACES_QUERY },
  result: {
    data: { spaces: [{ __typename: 'ParticipatorySpace', id: 's1', viewerCanAdminister: false }] },
  },
  maxUsageCount: 5,
};
const meIs = (me: typeof alice | null) => ({
  request: { query: ME_QUERY },
  result: { data: { me } },
});

describe('session flow', () => {
  it('signs up, lands on the home page and shows the name in the header', async () => {
    const user = userEvent.setup();
    const input = {
      name: 'Alice Martin',
      email: 'alice@example.org',
      password: 'correct horse battery',
      acceptedTermsVersion: 1,
      acceptedPrivacyVersion: 1,
    };
    const terms = ['PRIVACY', 'TERMS'].map((kind) => ({
      __typename: 'TermsDocument',
      kind,
      version: 1,
      title: kind,
      body: 'Texte',
      publishedAt: '2026-01-01T00:00:00.000Z',
    }));
    renderWithProviders(<AppRoutes />, {
      route: '/inscription',
      mocks: [
        meIs(null),
        { request: { query: TERMS_DOCUMENTS_QUERY }, result: { data: { termsDocuments: terms } } },
        {
          request: { query: REGISTER_MUTATION, variables: { input } },
          result: { data: { register: { __typename: 'AuthPayload', user: alice } } },
        },
        meIs(alice),
        noAdministeredSpace,
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Inscription' }),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('Nom'), input.name);
    await user.type(screen.getByLabelText('Adresse e-mail'), input.email);
    await user.type(screen.getByLabelText('Mot de passe'), input.password);
    await user.click(
      screen.getByRole('checkbox', {
        name: 'J’accepte les conditions d’utilisation et la politique de confidentialité',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Concerto' })).toBeInTheDocument();
    const header = screen.getByRole('banner');
    expect(await within(header).findByText('Connecté·e : Alice Martin')).toBeInTheDocument();
    expect(within(header).getByRole('button', { name: 'Se déconnecter' })).toBeInTheDocument();
    expect(within(header).queryByRole('link', { name: 'Inscription' })).not.toBeInTheDocument();
    expect(screen.getByText('Bienvenue, Alice Martin !')).toBeInTheDocument();
  });

  it('signs in then out', async () => {
    const user = userEvent.setup();
    const input = { email: 'alice@example.org', password: 'correct horse battery' };
    renderWithProviders(<AppRoutes />, {
      route: '/connexion',
      mocks: [
        meIs(null),
        {
          request: { query: LOGIN_MUTATION, variables: { input } },
          result: { data: { login: { __typename: 'AuthPayload', user: alice } } },
        },
        meIs(alice),
        { request: { query: LOGOUT_MUTATION }, result: { data: { logout: true } } },
        meIs(null),
        noAdministeredSpace,
      ],
    });
    await user.type(await screen.findByLabelText('Adresse e-mail'), input.email);
    await user.type(screen.getByLabelText('Mot de passe'), input.password);
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    const signOut = await screen.findByRole('button', { name: 'Se déconnecter' });

    await user.click(signOut);
    expect(await screen.findByRole('link', { name: 'Connexion' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Vous êtes déconnecté·e.')).toBeInTheDocument());
    expect(screen.queryByText(/Alice Martin/)).not.toBeInTheDocument();
  });
});
