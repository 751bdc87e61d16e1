import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { typeRich } from '../../../test/rich-text';
import { ME_QUERY } from '../../auth/graphql/auth';
import {
  PROPOSAL_COMPONENT_QUERY,
  PROPOSALS_QUERY,
  type ProposalFilter,
  type ProposalOrder,
  type SupportsState,
} from '../graphql/proposals';
import { seedStorageKey } from '../utils/sessionSeed';
import { availableOrders } from './ProposalFilters';
import { ProposalList } from './ProposalList';

const SEED = '0123456789abcdef';
const me = {
  __typename: 'User',
  id: 'u1',
  name: 'Alice Martin',
  email: 'alice@example.org',
  isAdmin: false,
};

function status({
  supportsState = 'ENABLED' as SupportsState,
  moderator = false,
  remaining = null as number | null,
  limit = 0,
  disagreementsEnabled = false,
} = {}) {
  return {
    request: { query: PROPOSAL_COMPONENT_QUERY, variables: { componentId: 'c1' } },
    result: {
      data: {
        proposalComponent: {
          __typename: 'ProposalComponentStatus',
          componentId: 'c1',
          settings: {
            __typename: 'ProposalSettings',
            supportsState,
            supportLimit: limit,
            minimumSupportsPerUser: 0,
            threshold: 4,
            canAccumulateSupportsBeyondThreshold: true,
            creationEnabled: true,
            disagreementsEnabled,
            hideThreshold: 3,
            commentsEnabled: true,
          },
          viewerSupportsGiven: 0,
          viewerSupportsRemaining: remaining,
          viewerCanModerate: moderator,
        },
      },
    },
  };
}

function node(id: string, title: string, extra: object = {}) {
  return {
    __typename: 'Proposal',
    id,
    reference: null,
    title,
    body: '<p>Texte de la proposition.</p>',
    state: 'NOT_ANSWERED',
    official: false,
    author: { __typename: 'ProposalAuthor', id: 'u2', name: 'Marc' },
    supportsCount: 3,
    disagreementsCount: null,
    threshold: 4,
    commentsCount: 2,
    hidden: false,
    ...extra,
  };
}

function page(
  variables: {
    order?: ProposalOrder;
    seed?: string | null;
    filter?: ProposalFilter;
    after?: string;
  },
  titles: string[],
  {
    total = titles.length,
    next = null as string | null,
    returnedSeed = variables.seed ?? null,
  } = {},
): MockLink.MockedResponse {
  const order = variables.order ?? 'RANDOM';
  return {
    request: {
      query: PROPOSALS_QUERY,
      variables: {
        componentId: 'c1',
        order,
        seed: order === 'RANDOM' ? (variables.seed ?? null) : null,
        first: 20,
        filter: variables.filter ?? {},
        ...(variables.after ? { after: variables.after } : {}),
      },
    },
    result: {
      data: {
        proposals: {
          __typename: 'ProposalConnection',
          totalCount: total,
          seed: order === 'RANDOM' ? returnedSeed : null,
          pageInfo: {
            __typename: 'PageInfo',
            endCursor: next ?? `end-${titles.length}`,
            hasNextPage: Boolean(next),
          },
          edges: titles.map((title, index) => ({
            __typename: 'ProposalEdge',
            cursor: `${title}-${index}`,
            node: node(`${title}-id`, title),
          })),
        },
      },
    },
  };
}

/** The in-memory router's query string, to check what the list wrote in the address. */
function Address() {
  return <output data-testid="address">{useLocation().search}</output>;
}

function render(mocks: MockLink.MockedResponse[], signedIn = true, route = '/') {
  sessionStorage.setItem(seedStorageKey('c1'), SEED);
  return renderWithProviders(
    <>
      <ProposalList componentId="c1" spaceSlug="structuration" />
      <Address />
    </>,
    {
      route,
      mocks: [
        {
          request: { query: ME_QUERY },
          result: { data: { me: signedIn ? me : null } },
          maxUsageCount: 10,
        },
        ...mocks,
      ],
    },
  );
}

describe('<ProposalList>', () => {
  it('shows cards (title link, state, author, supports toward the threshold, comments), the total and pages with the cursor in the session seed', async () => {
    render([
      status(),
      page({ seed: SEED }, ['Premiere proposition longue'], { total: 2, next: 'k1' }),
      page({ seed: SEED, after: 'k1' }, ['Seconde proposition longue'], { total: 2 }),
    ]);
    const link = await screen.findByRole('link', { name: 'Premiere proposition longue' });
    expect(link).toHaveAttribute(
      'href',
      '/espaces/structuration/f/c1/propositions/Premiere proposition longue-id',
    );
    const card = link.closest('article')!;
    expect(card).toHaveTextContent('Sans réponse');
    expect(card).toHaveTextContent('Par Marc');
    expect(card).toHaveTextContent('2 commentaires');
    expect(
      within(card).getByRole('progressbar', { name: '3 soutiens sur 4 nécessaires' }),
    ).toHaveAttribute('max', '4');
    expect(screen.getByText('2 propositions')).toBeInTheDocument();
    await userEvent
      .setup()
      .click(screen.getByRole('button', { name: 'Afficher plus de propositions' }));
    expect(
      await screen.findByRole('link', { name: 'Seconde proposition longue' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Premiere proposition longue' })).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Afficher plus de propositions' }),
    ).not.toBeInTheDocument();
    expect(sessionStorage.getItem(seedStorageKey('c1'))).toBe(SEED);
  });

  it('offers the five orders, without "Les plus soutenues" when supports are hidden', () => {
    expect(availableOrders('ENABLED')).toEqual([
      'RANDOM',
      'RECENT',
      'MOST_SUPPORTED',
      'MOST_COMMENTED',
      'MOST_FOLLOWED',
    ]);
    expect(availableOrders('HIDDEN')).not.toContain('MOST_SUPPORTED');
  });

  it('changes the order (no seed outside RANDOM) and hides "Les plus soutenues" when supports are HIDDEN', async () => {
    render([
      status({ supportsState: 'HIDDEN' }),
      page({ seed: SEED }, ['Aleatoire premiere']),
      page({ order: 'RECENT' }, ['La plus recente']),
    ]);
    await screen.findByRole('link', { name: 'Aleatoire premiere' });
    const select = screen.getByRole('combobox', { name: 'Trier par' });
    const labels = within(select)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(labels).toEqual(['Aléatoire', 'Récentes', 'Les plus commentées', 'Les plus suivies']);
    await userEvent.setup().selectOptions(select, 'RECENT');
    expect(await screen.findByRole('link', { name: 'La plus recente' })).toBeInTheDocument();
  });

  it('offers "Consensus entre groupes" where « pas d’accord » is on, explains it in one sentence, and shows the counts', async () => {
    expect(availableOrders('ENABLED', true)).toContain('CONSENSUS');
    expect(availableOrders('HIDDEN', true)).not.toContain('CONSENSUS');
    render([
      status({ disagreementsEnabled: true }),
      page({ seed: SEED }, ['Aleatoire premiere']),
      page({ order: 'CONSENSUS' }, ['La plus consensuelle']),
    ]);
    await screen.findByRole('link', { name: 'Aleatoire premiere' });
    const select = screen.getByRole('combobox', { name: 'Trier par' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toContain('Consensus entre groupes');
    await userEvent.setup().selectOptions(select, 'CONSENSUS');
    expect(await screen.findByRole('link', { name: 'La plus consensuelle' })).toBeInTheDocument();
    expect(
      screen.getByText(/^En tête, les propositions soutenues dans tous les groupes d’opinion/),
    ).toBeInTheDocument();
  });

  it('filters by state, "Mes propositions", "Celles que je soutiens" and search words', async () => {
    render([
      status(),
      page({ seed: SEED }, ['Toutes les propositions']),
      page({ seed: SEED, filter: { states: ['ACCEPTED'] } }, ['Une acceptee seulement']),
      page({ seed: SEED, filter: { states: ['ACCEPTED'], mine: true } }, ['Une des miennes']),
      page({ seed: SEED, filter: { states: ['ACCEPTED'], mine: true, supportedByMe: true } }, [
        'Miennes et soutenues',
      ]),
      page(
        {
          seed: SEED,
          filter: { states: ['ACCEPTED'], search: 'télémédecine', mine: true, supportedByMe: true },
        },
        [],
      ),
    ]);
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Toutes les propositions' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'État' }), 'ACCEPTED');
    await screen.findByRole('link', { name: 'Une acceptee seulement' });
    await user.click(screen.getByRole('checkbox', { name: 'Mes propositions' }));
    await screen.findByRole('link', { name: 'Une des miennes' });
    await user.click(screen.getByRole('checkbox', { name: 'Celles que je soutiens' }));
    await screen.findByRole('link', { name: 'Miennes et soutenues' });
    await user.type(screen.getByRole('searchbox', { name: 'Rechercher' }), 'télémédecine');
    await user.click(screen.getByRole('button', { name: 'Rechercher' }));
    expect(
      await screen.findByText(
        'Aucune proposition ne correspond à cette recherche ou à ces filtres.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('0 proposition')).toBeInTheDocument();
    expect(screen.getByTestId('address')).toHaveTextContent(
      '?etat=acceptees&recherche=t%C3%A9l%C3%A9m%C3%A9decine&mes=1&soutenues=1',
    );
  });

  it('reads the order, state and search from the address, and « Effacer » clears the filters but keeps the order', async () => {
    render(
      [
        status(),
        page({ order: 'RECENT', filter: { states: ['REJECTED'], search: 'annuaire' } }, []),
        page({ order: 'RECENT' }, ['La plus recente']),
      ],
      true,
      '/?ordre=recentes&etat=rejetees&recherche=annuaire&autre=garde',
    );
    expect(
      await screen.findByText(
        'Aucune proposition ne correspond à cette recherche ou à ces filtres.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Trier par' })).toHaveValue('RECENT');
    expect(screen.getByRole('combobox', { name: 'État' })).toHaveValue('REJECTED');
    expect(screen.getByRole('searchbox', { name: 'Rechercher' })).toHaveValue('annuaire');
    await userEvent
      .setup()
      .click(screen.getByRole('button', { name: 'Effacer la recherche et les filtres' }));
    expect(await screen.findByRole('link', { name: 'La plus recente' })).toBeInTheDocument();
    expect(screen.getByTestId('address')).toHaveTextContent(/^\?autre=garde&ordre=recentes$/);
    expect(screen.getByRole('searchbox', { name: 'Rechercher' })).toHaveValue('');
  });

  it('falls back to the default for unknown or unavailable values, and ignores personal filters for a visitor', async () => {
    render(
      [status({ supportsState: 'HIDDEN' }), page({ seed: SEED }, ['Ordre par defaut'])],
      false,
      '/?ordre=plus-soutenues&etat=nimporte&mes=1&soutenues=1',
    );
    expect(await screen.findByRole('link', { name: 'Ordre par defaut' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Trier par' })).toHaveValue('RANDOM');
    expect(screen.getByRole('combobox', { name: 'État' })).toHaveValue('');
  });

  it('hides the personal filters, the supports banner and the form for visitors, with a sign-in link', async () => {
    render([status({ remaining: 3, limit: 5 }), page({ seed: SEED }, ['Visible par tous'])], false);
    await screen.findByRole('link', { name: 'Visible par tous' });
    expect(screen.queryByRole('checkbox', { name: 'Mes propositions' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Il vous reste/)).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Connectez-vous pour déposer une proposition.' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mélanger' })).not.toBeInTheDocument();
  });

  it('shows the remaining supports and opens the new proposal form, checking the title length first', async () => {
    render([status({ remaining: 3, limit: 5 }), page({ seed: SEED }, ['Une proposition'])]);
    expect(await screen.findByText('Il vous reste 3 soutiens sur 5.')).toBeInTheDocument();
    const user = userEvent.setup();
    const open = screen.getByRole('button', { name: 'Nouvelle proposition' });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    await user.click(open);
    await user.type(screen.getByRole('textbox', { name: 'Titre' }), 'Trop court');
    // pasted once TipTap has replaced the fallback textarea: typing raced the editor's chunk, and a
    // click on the editor without `elementFromPoint` threw in ProseMirror after the test
    await typeRich(user, /^Texte de la proposition/, 'Un texte.');
    await user.click(screen.getByRole('button', { name: 'Publier la proposition' }));
    expect(screen.getByRole('textbox', { name: 'Titre' })).toHaveAccessibleDescription(
      expect.stringContaining('Le titre doit compter au moins 15 caractères.'),
    );
  });

  it('lets a moderator draw a new order with "Mélanger": no seed sent, the returned seed kept for the session', async () => {
    const NEW_SEED = 'aaaaaaaaaaaaaaaa';
    render([
      status({ moderator: true }),
      page({ seed: SEED }, ['Ordre A premiere', 'Ordre A seconde']),
      page({ seed: null }, ['Ordre B premiere', 'Ordre B seconde'], { returnedSeed: NEW_SEED }),
      page({ seed: NEW_SEED }, ['Ordre B premiere', 'Ordre B seconde']),
    ]);
    await screen.findByRole('link', { name: 'Ordre A premiere' });
    expect(screen.getByRole('link', { name: 'Modération des propositions' })).toHaveAttribute(
      'href',
      '/espaces/structuration/f/c1/moderation',
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Mélanger' }));
    expect(await screen.findByRole('link', { name: 'Ordre B premiere' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Ordre A premiere' })).not.toBeInTheDocument();
    await waitFor(() => expect(sessionStorage.getItem(seedStorageKey('c1'))).toBe(NEW_SEED));
    expect(screen.getByText(/Nouvel ordre aléatoire tiré./)).toHaveAttribute('role', 'status');
  });
});
