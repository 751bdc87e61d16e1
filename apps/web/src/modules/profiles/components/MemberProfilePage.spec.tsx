import type { Typenamed } from '../../../test/typenamed';
import type { MockLink } from '@apollo/client/testing';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ME_QUERY } from '../../auth/graphql/auth';
import { FOLLOW_MEMBER_MUTATION, MEMBER_PROFILE_QUERY, type MemberPage } from '../graphql/members';
import { MemberProfilePage } from './MemberProfilePage';

const me = (signedIn: boolean) => ({
  request: { query: ME_QUERY },
  result: {
    data: {
      me: signedIn
        ? { __typename: 'User', id: 'u2', name: 'Marc', email: 'marc@example.org', isAdmin: false }
        : null,
    },
  },
  maxUsageCount: 5,
});
const LEA: Typenamed<MemberPage> = {
  __typename: 'MemberProfile',
  userId: 'u1',
  pseudo: 'lea',
  name: 'Léa Fontaine',
  organisation: 'CHU de Rennes',
  typology: {
    __typename: 'MemberTypology',
    key: 'hospital',
    label: 'Établissement de santé',
    archived: false,
  },
  roleTitle: null,
  bio: 'Je coordonne la télésanté.',
  website: null,
  avatarUrl: null,
  isViewer: false,
  blocked: false,
  viewerFollows: false,
  followersCount: 0,
  followsCount: 1,
  visibility: null,
  contributions: [
    {
      __typename: 'MemberContribution',
      id: 'p1',
      kind: 'PROPOSAL',
      title: 'Un guichet unique',
      spaceSlug: 'filiere',
      componentId: 'c1',
      publishedAt: '2026-11-29T10:00:00.000Z',
    },
  ],
  followers: [],
  follows: [{ __typename: 'MemberSummary', pseudo: 'paul', name: 'Paul Durand', avatarUrl: null }],
};
const page = (profile: Typenamed<MemberPage>): MockLink.MockedResponse => ({
  request: { query: MEMBER_PROFILE_QUERY, variables: { pseudo: 'lea' } },
  result: { data: { memberProfile: profile } },
});
const render = (mocks: MockLink.MockedResponse[]) =>
  renderWithProviders(<MemberProfilePage />, {
    route: '/membres/lea',
    path: '/membres/:pseudo',
    mocks,
  });

describe('<MemberProfilePage> (/membres/:pseudo)', () => {
  it('shows the visible fields only, the contributions and follows, and lets a signed-in member follow', async () => {
    const followed = {
      ...LEA,
      viewerFollows: true,
      followersCount: 1,
      followers: [
        { __typename: 'MemberSummary' as const, pseudo: 'marc', name: 'Marc', avatarUrl: null },
      ],
    };
    render([
      me(true),
      page(LEA),
      {
        request: { query: FOLLOW_MEMBER_MUTATION, variables: { pseudo: 'lea' } },
        result: { data: { followMember: followed } },
      },
      page(followed),
    ]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Léa Fontaine' }),
    ).toBeInTheDocument();
    expect(screen.getByText('@lea')).toBeInTheDocument();
    expect(screen.getByText('CHU de Rennes')).toBeInTheDocument();
    expect(screen.getByText('Établissement de santé')).toBeInTheDocument();
    expect(screen.queryByText('Rôle ou fonction')).not.toBeInTheDocument();
    expect(screen.queryByText('Site web')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Un guichet unique' })).toHaveAttribute(
      'href',
      '/espaces/filiere/f/c1/propositions/p1',
    );
    expect(screen.getByRole('link', { name: 'Paul Durand' })).toHaveAttribute(
      'href',
      '/membres/paul',
    );
    const user = userEvent.setup();
    const follow = await screen.findByRole('button', { name: 'Suivre' });
    await user.click(follow);
    expect(await screen.findByText('Vous suivez maintenant Léa Fontaine.')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Ne plus suivre' })).toBe(follow);
    expect(screen.getByText(/1 abonné ·/)).toBeInTheDocument();
  });

  it('has no follow button for visitors nor on one’s own page', async () => {
    const { unmount } = render([me(false), page(LEA)]);
    expect(
      await screen.findByRole('link', { name: 'Connectez-vous pour suivre ce membre.' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Suivre' })).not.toBeInTheDocument();
    unmount();
    render([me(true), page({ ...LEA, isViewer: true })]);
    expect(await screen.findByRole('link', { name: 'Modifier mon profil' })).toHaveAttribute(
      'href',
      '/mon-compte',
    );
    expect(screen.queryByRole('button', { name: 'Suivre' })).not.toBeInTheDocument();
  });

  it('a blocked account: says so, and offers no « Suivre » (only « Ne plus suivre » to a follower)', async () => {
    const blocked = { ...LEA, blocked: true, bio: null, organisation: null, typology: null };
    const { unmount } = render([me(true), page(blocked)]);
    expect(
      await screen.findByText(/Ce compte a été bloqué par l’administration de la plateforme/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Suivre' })).not.toBeInTheDocument();
    // only the name: no counts, contributions nor lists
    expect(screen.queryByRole('heading', { name: 'Contributions' })).not.toBeInTheDocument();
    expect(screen.queryByText(/abonné/)).not.toBeInTheDocument();
    unmount();
    render([me(false), page(blocked)]);
    expect(await screen.findByText(/Ce compte a été bloqué/)).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Connectez-vous pour suivre ce membre.' }),
    ).not.toBeInTheDocument();
  });

  it('shows « Page introuvable » for an unknown pseudo', async () => {
    render([
      me(false),
      {
        request: { query: MEMBER_PROFILE_QUERY, variables: { pseudo: 'lea' } },
        result: {
          errors: [new GraphQLError('Membre introuvable.', { extensions: { code: 'NOT_FOUND' } })],
        },
      },
    ]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page introuvable' }),
    ).toBeInTheDocument();
  });
});
