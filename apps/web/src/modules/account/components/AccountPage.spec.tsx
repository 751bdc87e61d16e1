import { GraphQLError } from 'graphql';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../../../App';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { MY_MEETING_REGISTRATIONS_QUERY } from '../../meetings/graphql/meetings';
import { ME_QUERY } from '../../auth/graphql/auth';
import { MY_PETITIONS_QUERY } from '../../petitions/graphql/petitions';
import {
  ACCEPT_TERMS_MUTATION,
  CHANGE_PASSWORD_MUTATION,
  DELETE_MY_ACCOUNT_MUTATION,
  MY_DATA_EXPORTS_QUERY,
  MY_TERMS_ACCEPTANCES_QUERY,
  PENDING_TERMS_QUERY,
  TERMS_DOCUMENTS_QUERY,
} from '../graphql/account';

const alice = {
  __typename: 'User',
  id: 'u1',
  name: 'Alice Martin',
  email: 'alice@example.org',
  isAdmin: false,
};
const meIs = (me: typeof alice | null) => ({
  request: { query: ME_QUERY },
  result: { data: { me } },
});
const doc = (kind: string, version: number) => ({
  __typename: 'TermsDocument',
  kind,
  version,
  title: kind === 'TERMS' ? 'Conditions d’utilisation' : 'Politique de confidentialité',
  body: 'Premier paragraphe.\n\nSecond paragraphe.',
  publishedAt: '2026-01-01T10:00:00.000Z',
});
const noPending = {
  request: { query: PENDING_TERMS_QUERY },
  result: { data: { pendingTerms: [] } },
  maxUsageCount: 5,
};
const exportRow = (status: string, downloadPath: string | null) => ({
  __typename: 'DataExport',
  id: 'e1',
  status,
  requestedAt: '2026-11-29T10:00:00.000Z',
  readyAt: status === 'PENDING' ? null : '2026-11-29T10:00:05.000Z',
  expiresAt: status === 'PENDING' ? null : '2026-12-06T10:00:05.000Z',
  downloadedAt: null,
  byteSize: 1234,
  downloadPath,
});
const noPetitions = {
  request: { query: MY_PETITIONS_QUERY, variables: { relation: 'ALL', first: 10, after: null } },
  result: {
    data: {
      myPetitions: {
        __typename: 'PetitionConnection',
        hasNextPage: false,
        endCursor: null,
        edges: [],
      },
    },
  },
  maxUsageCount: 5,
};
const accountMocks = [
  meIs(alice),
  noPetitions,
  noPending,
  {
    request: { query: MY_MEETING_REGISTRATIONS_QUERY },
    result: { data: { myMeetingRegistrations: [] } },
  },
  {
    request: { query: MY_DATA_EXPORTS_QUERY },
    result: { data: { myDataExports: [exportRow('READY', '/exports/my-data/e1.zip')] } },
  },
  {
    request: { query: MY_TERMS_ACCEPTANCES_QUERY },
    result: {
      data: {
        myTermsAcceptances: [
          {
            __typename: 'TermsAcceptance',
            kind: 'TERMS',
            version: 1,
            acceptedAt: '2026-11-01T10:00:00.000Z',
          },
        ],
      },
    },
  },
];

describe('/mon-compte', () => {
  it('shows the sections (profile, petitions, then registrations to meetings), the ready export as a one-time download link, and the accepted versions', async () => {
    renderWithProviders(<AppRoutes />, { route: '/mon-compte', mocks: accountMocks });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Mon compte' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Mon profil',
      'Mes pétitions',
      'Mes inscriptions aux rencontres',
      'Changer mon mot de passe',
      'Télécharger mes données',
      'Conditions acceptées',
      'Supprimer mon compte',
    ]);
    expect(
      await screen.findByRole('link', { name: 'Télécharger l’archive (une seule fois)' }),
    ).toHaveAttribute('href', '/exports/my-data/e1.zip');
    expect(
      await within(screen.getByRole('main')).findByRole('link', {
        name: 'Conditions d’utilisation',
      }),
    ).toHaveAttribute('href', '/conditions');
    expect(screen.getByText(/Participant supprimé/)).toBeInTheDocument(); // what is kept, said before deleting
  });

  it('puts WRONG_PASSWORD next to the current password and sends nothing for a weak new one', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, {
      route: '/mon-compte',
      mocks: [
        ...accountMocks,
        {
          request: {
            query: CHANGE_PASSWORD_MUTATION,
            variables: {
              input: { currentPassword: 'mauvais mot', newPassword: 'un nouveau secret' },
            },
          },
          result: {
            errors: [
              new GraphQLError('Mot de passe actuel incorrect.', {
                extensions: { code: 'WRONG_PASSWORD', field: 'password' },
              }),
            ],
          },
        },
      ],
    });
    const current = await screen.findByLabelText('Mot de passe actuel');
    await user.type(current, 'mauvais mot');
    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'court');
    await user.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
    expect(screen.getByLabelText('Nouveau mot de passe')).toHaveAccessibleDescription(
      expect.stringContaining('au moins 10 caractères'),
    );
    await user.clear(screen.getByLabelText('Nouveau mot de passe'));
    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'un nouveau secret');
    await user.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
    await waitFor(() => expect(current).toHaveAccessibleDescription('Mot de passe incorrect.'));
    // focus on the error summary, whose link leads to the field
    expect(screen.getByRole('link', { name: 'Mot de passe incorrect.' })).toHaveAttribute(
      'href',
      `#${current.id}`,
    );
    expect(document.activeElement).toHaveClass('error-summary');
  });

  it('deletes the account after the password, then goes home signed out with a message', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, {
      route: '/mon-compte',
      mocks: [
        ...accountMocks,
        {
          request: {
            query: DELETE_MY_ACCOUNT_MUTATION,
            variables: { input: { password: 'correct horse battery' } },
          },
          result: { data: { deleteMyAccount: true } },
        },
        meIs(null),
      ],
    });
    await user.type(
      await screen.findByLabelText('Mot de passe (pour confirmer)'),
      'correct horse battery',
    );
    await user.click(screen.getByRole('button', { name: 'Supprimer définitivement mon compte' }));
    expect(await screen.findByText('Votre compte a été supprimé.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Concerto' })).toBeInTheDocument();
  });
});

describe('terms gate', () => {
  it('blocks a signed-in user who has not accepted the new terms until they accept them', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, {
      route: '/',
      mocks: [
        meIs(alice),
        {
          request: { query: PENDING_TERMS_QUERY },
          result: { data: { pendingTerms: [doc('TERMS', 2)] } },
        },
        {
          request: { query: TERMS_DOCUMENTS_QUERY },
          result: { data: { termsDocuments: [doc('PRIVACY', 1), doc('TERMS', 2)] } },
        },
        {
          request: {
            query: ACCEPT_TERMS_MUTATION,
            variables: { input: { termsVersion: 2, privacyVersion: 1 } },
          },
          result: { data: { acceptTerms: [] } },
        },
        noPending,
        {
          request: { query: MY_TERMS_ACCEPTANCES_QUERY },
          result: { data: { myTermsAcceptances: [] } },
        },
      ],
    });
    const main = screen.getByRole('main');
    expect(
      await within(main).findByRole('heading', {
        level: 1,
        name: 'Nouvelles conditions à accepter',
      }),
    ).toBeInTheDocument();
    expect(within(main).getByRole('link', { name: 'Conditions d’utilisation' })).toHaveAttribute(
      'href',
      '/conditions',
    );
    const accept = within(main).getByRole('button', { name: 'Accepter et continuer' });
    await waitFor(() => expect(accept).toBeEnabled());
    await user.click(accept);
    expect(within(main).getByRole('checkbox')).toHaveAttribute('aria-invalid', 'true');
    await user.click(
      within(main).getByRole('checkbox', {
        name: 'J’accepte les conditions d’utilisation et la politique de confidentialité',
      }),
    );
    await user.click(within(main).getByRole('button', { name: 'Accepter et continuer' }));
    expect(
      await within(main).findByRole('heading', { level: 1, name: 'Concerto' }),
    ).toBeInTheDocument();
  });

  it('shows the legal documents as French text pages', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/confidentialite',
      mocks: [
        meIs(null),
        {
          request: { query: TERMS_DOCUMENTS_QUERY },
          result: { data: { termsDocuments: [doc('PRIVACY', 1), doc('TERMS', 2)] } },
        },
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Politique de confidentialité' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Second paragraphe.')).toBeInTheDocument();
    expect(screen.getByText(/Version 1, publiée le/)).toBeInTheDocument();
  });
});
