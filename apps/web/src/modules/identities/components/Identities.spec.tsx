import { GraphQLError } from 'graphql';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { DeleteAccountSection } from '../../account/components/DeleteAccountSection';
import { DELETE_MY_ACCOUNT_MUTATION } from '../../account/graphql/account';
import {
  IDENTITY_PROVIDERS_QUERY,
  MY_SIGN_IN_METHODS_QUERY,
  UNLINK_IDENTITY_MUTATION,
} from '../graphql/identities';
import { IdentitiesSection } from './IdentitiesSection';
import { ProviderSignIn } from './ProviderSignIn';

const providers = (list: { key: string; label: string }[]) => ({
  request: { query: IDENTITY_PROVIDERS_QUERY },
  result: {
    data: { identityProviders: list.map((p) => ({ __typename: 'IdentityProvider', ...p })) },
  },
  maxUsageCount: 5,
});
const identity = (id: string, unlinkable: boolean) => ({
  __typename: 'Identity',
  id,
  provider: 'psc',
  providerLabel: 'Pro Santé Connect',
  email: 'claire@hopital.example',
  professionalId: '810002345678',
  createdAt: '2026-11-01T10:00:00.000Z',
  lastSignInAt: '2026-11-02T10:00:00.000Z',
  unlinkable,
});
const methods = (password: boolean, identities: ReturnType<typeof identity>[]) => ({
  __typename: 'SignInMethods',
  password,
  identities,
});

describe('<ProviderSignIn>', () => {
  it('shows one « Se connecter avec … » link per configured provider, to the API’s start URL with the return path', async () => {
    renderWithProviders(<ProviderSignIn returnTo="/concertations" />, {
      mocks: [
        providers([
          { key: 'psc', label: 'Pro Santé Connect' },
          { key: 'fc', label: 'FranceConnect' },
        ]),
      ],
    });
    const psc = await screen.findByRole('link', { name: 'Se connecter avec Pro Santé Connect' });
    expect(psc).toHaveAttribute('href', '/auth/oidc/psc/start?returnTo=%2Fconcertations');
    expect(screen.getByRole('link', { name: 'Se connecter avec FranceConnect' })).toHaveAttribute(
      'href',
      '/auth/oidc/fc/start?returnTo=%2Fconcertations',
    );
  });

  it('shows nothing when no provider is configured, and the French message of a failed provider sign-in', async () => {
    renderWithProviders(<ProviderSignIn returnTo="/" />, {
      route: '/connexion?oidc_error=OIDC_EMAIL_CONFLICT',
      mocks: [providers([])],
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Un compte existe déjà avec cette adresse e-mail',
    );
    expect(screen.queryByRole('link')).toBeNull();
  });
});

describe('<IdentitiesSection>', () => {
  it('lists linked identities, unlinks one, keeps the focus in the section, and offers to link each provider', async () => {
    renderWithProviders(<IdentitiesSection />, {
      mocks: [
        providers([{ key: 'psc', label: 'Pro Santé Connect' }]),
        {
          request: { query: MY_SIGN_IN_METHODS_QUERY },
          result: { data: { mySignInMethods: methods(true, [identity('i1', true)]) } },
        },
        {
          request: { query: UNLINK_IDENTITY_MUTATION, variables: { id: 'i1' } },
          result: { data: { unlinkIdentity: methods(true, []) } },
        },
        {
          request: { query: MY_SIGN_IN_METHODS_QUERY },
          result: { data: { mySignInMethods: methods(true, []) } },
        },
      ],
    });
    const list = await screen.findByRole('list', { name: 'Identités liées à votre compte' });
    expect(within(list).getByText(/810002345678/)).toBeInTheDocument();
    // the providers come from a query of their own, which may answer after the list's
    expect(await screen.findByRole('link', { name: 'Lier Pro Santé Connect' })).toHaveAttribute(
      'href',
      '/auth/oidc/psc/link',
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Délier Pro Santé Connect' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Identité Pro Santé Connect déliée.'),
    );
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { name: 'Identités connectées' }),
    );
    expect(await screen.findByText('Aucune identité liée pour l’instant.')).toBeInTheDocument();
  });

  it('says why the last way to sign in cannot be unlinked, and explains a refused unlink', async () => {
    renderWithProviders(<IdentitiesSection />, {
      route: '/mon-compte?oidc_error=OIDC_IDENTITY_TAKEN',
      mocks: [
        providers([]),
        {
          request: { query: MY_SIGN_IN_METHODS_QUERY },
          result: { data: { mySignInMethods: methods(false, [identity('i1', false)]) } },
        },
      ],
    });
    expect(await screen.findByText(/C’est votre seul moyen de connexion/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Délier/ })).toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Cette identité est déjà liée à un autre compte.',
    );
    // back from the provider: the outcome, far down « Mon compte », gets the focus
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { name: 'Identités connectées' }),
    );
  });
});

// a refused unlink (raced by another tab) shows the CONFLICT message
it('<IdentitiesSection> announces a refused unlink', async () => {
  renderWithProviders(<IdentitiesSection />, {
    mocks: [
      providers([]),
      {
        request: { query: MY_SIGN_IN_METHODS_QUERY },
        result: { data: { mySignInMethods: methods(false, [identity('i1', true)]) } },
      },
      {
        request: { query: UNLINK_IDENTITY_MUTATION, variables: { id: 'i1' } },
        result: { errors: [new GraphQLError('refusé', { extensions: { code: 'CONFLICT' } })] },
      },
    ],
  });
  await userEvent
    .setup()
    .click(await screen.findByRole('button', { name: 'Délier Pro Santé Connect' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('C’est votre seul moyen de connexion');
});

describe('« Supprimer mon compte » for an account without password (made through a provider)', () => {
  it('asks for no password, offers to sign in again with the linked provider, and explains a stale sign-in', async () => {
    renderWithProviders(<DeleteAccountSection />, {
      mocks: [
        {
          request: { query: MY_SIGN_IN_METHODS_QUERY },
          result: { data: { mySignInMethods: methods(false, [identity('i1', false)]) } },
        },
        {
          request: { query: DELETE_MY_ACCOUNT_MUTATION, variables: { input: { password: '' } } },
          result: {
            errors: [
              new GraphQLError('refusé', {
                extensions: { code: 'FORBIDDEN', reason: 'REAUTHENTICATION_REQUIRED' },
              }),
            ],
          },
        },
      ],
    });
    const again = await screen.findByRole('link', {
      name: 'Se reconnecter avec Pro Santé Connect',
    });
    expect(again).toHaveAttribute('href', '/auth/oidc/psc/start?returnTo=%2Fmon-compte');
    expect(screen.queryByLabelText(/mot de passe/i)).toBeNull();
    await userEvent
      .setup()
      .click(screen.getByRole('button', { name: 'Supprimer définitivement mon compte' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Votre dernière connexion date de plus de 10',
    );
  });
});
