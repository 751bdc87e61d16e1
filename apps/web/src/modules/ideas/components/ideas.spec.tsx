import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '../../../i18n/i18n';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ME_QUERY } from '../../auth/graphql/auth';
import { COMPONENT_QUERY, COMPONENT_SPACE_QUERY } from '../../components/graphql/components';
import { axeViolations } from '../../petitions/test/axe';
import {
  ADD_IDEA_MUTATION,
  IDEA_BOX_QUERY,
  IDEA_RESULTS_QUERY,
  NEXT_IDEA_PAIR_MUTATION,
  VOTE_ON_IDEA_PAIR_MUTATION,
} from '../graphql/ideas';
import { IdeaBoothPage } from './IdeaBoothPage';
import { formatScore, IdeaResultsPage } from './IdeaResultsPage';

const space = {
  __typename: 'ParticipatorySpace',
  id: 's1',
  slug: 'structuration',
  title: 'Structuration de la filière',
  type: 'PROCESS',
};
const component = {
  __typename: 'Component',
  id: 'c1',
  title: 'Boîte à idées',
  description: '',
  type: 'IDEAS',
  spaceId: 's1',
  published: true,
};
const box = {
  __typename: 'IdeaBox',
  id: 'b1',
  componentId: 'c1',
  question: 'Quelle action la filière doit-elle mener en priorité\u202f?',
  description: '',
  published: true,
  ideasCount: 3,
  pendingCount: 0,
  comparisonsCount: 12,
  participantIdeasEnabled: true,
  ideasModerated: true,
  anonymousVotingEnabled: false,
  viewerCanModerate: false,
  path: '/espaces/structuration/f/c1/idees/b1',
  isDemo: false,
};
const idea = (id: string, body: string) => ({
  __typename: 'Idea',
  viewerReported: false,
  id,
  body,
  origin: 'SEED',
  status: 'PUBLISHED',
  mine: false,
});
const A = idea('i1', 'Organiser une journée de la filière');
const B = idea('i2', 'Favoriser les partages d’expérience');
const C = idea('i3', 'Publier un annuaire des acteurs');
const me = {
  __typename: 'User',
  id: 'u1',
  name: 'Alice Martin',
  email: 'alice@example.org',
  isAdmin: false,
};
const page = [
  {
    request: { query: COMPONENT_SPACE_QUERY, variables: { slug: 'structuration' } },
    result: { data: { space } },
  },
  { request: { query: COMPONENT_QUERY, variables: { id: 'c1' } }, result: { data: { component } } },
  {
    request: { query: IDEA_BOX_QUERY, variables: { id: 'b1' } },
    result: { data: { ideaBox: box } },
  },
];
const route = {
  route: '/espaces/structuration/f/c1/idees/b1',
  path: '/espaces/:slug/f/:componentId/idees/:boxId',
};

describe('<IdeaBoothPage>', () => {
  it('shows two ideas as big buttons; a choice records the vote, the next pair replaces it in place, focus stays on the button and the change is announced', async () => {
    const user = userEvent.setup();
    renderWithProviders(<IdeaBoothPage />, {
      ...route,
      mocks: [
        { request: { query: ME_QUERY }, result: { data: { me } } },
        ...page,
        {
          request: { query: NEXT_IDEA_PAIR_MUTATION, variables: { boxId: 'b1' } },
          result: {
            data: { nextIdeaPair: { __typename: 'IdeaPair', id: 'p1', left: A, right: B } },
          },
        },
        {
          request: {
            query: VOTE_ON_IDEA_PAIR_MUTATION,
            variables: { pairId: 'p1', choice: 'LEFT' },
          },
          result: {
            data: {
              voteOnIdeaPair: {
                __typename: 'IdeaVoteResult',
                pairId: 'p1',
                choice: 'LEFT',
                next: { __typename: 'IdeaPair', id: 'p2', left: C, right: A },
              },
            },
          },
        },
        {
          request: {
            query: VOTE_ON_IDEA_PAIR_MUTATION,
            variables: { pairId: 'p2', choice: 'DONT_KNOW' },
          },
          result: {
            data: {
              voteOnIdeaPair: {
                __typename: 'IdeaVoteResult',
                pairId: 'p2',
                choice: 'DONT_KNOW',
                next: null,
              },
            },
          },
        },
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: box.question }, { timeout: 5000 }),
    ).toBeInTheDocument();
    const left = await screen.findByRole('button', {
      name: 'Je préfère\u00a0: Organiser une journée de la filière',
    });
    expect(
      screen.getByRole('button', { name: 'Je préfère\u00a0: Favoriser les partages d’expérience' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Choisir entre deux idées' })).toBeInTheDocument();
    expect(await axeViolations(screen.getByRole('article'))).toEqual([]);

    // keyboard: Tab to the first idea, Enter
    left.focus();
    await user.keyboard('{Enter}');
    const replaced = await screen.findByRole('button', {
      name: 'Je préfère\u00a0: Publier un annuaire des acteurs',
    });
    expect(replaced).toHaveFocus(); // the same element, new content: focus never drops to <body>
    expect(
      screen.getByText(
        'Réponse enregistrée. Nouvelle paire : « Publier un annuaire des acteurs » ou « Organiser une journée de la filière ».',
      ),
    ).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByText('Vous avez répondu 1 fois.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Je ne sais pas' }));
    expect(
      await screen.findByText('Il faut au moins deux idées publiées pour comparer.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Vous avez répondu 2 fois.')).toBeInTheDocument();
  });

  it('a blank idea is said on the field before sending (focus on the summary); the server’s refusal lands on the field too; a valid one in a moderated box says it waits for review', async () => {
    const user = userEvent.setup();
    renderWithProviders(<IdeaBoothPage />, {
      ...route,
      mocks: [
        { request: { query: ME_QUERY }, result: { data: { me } } },
        ...page,
        {
          request: { query: NEXT_IDEA_PAIR_MUTATION, variables: { boxId: 'b1' } },
          result: {
            data: { nextIdeaPair: { __typename: 'IdeaPair', id: 'p1', left: A, right: B } },
          },
        },
        {
          request: {
            query: ADD_IDEA_MUTATION,
            variables: { boxId: 'b1', body: '\u200b\u200b\u200b' },
          },
          result: {
            errors: [
              {
                message: 'Écrivez votre idée : le texte est vide.',
                extensions: { code: 'BAD_USER_INPUT', field: 'body' },
              },
            ],
          },
        },
        {
          request: {
            query: ADD_IDEA_MUTATION,
            variables: { boxId: 'b1', body: 'Créer un observatoire des usages' },
          },
          result: {
            data: {
              addIdea: {
                ...idea('i9', 'Créer un observatoire des usages'),
                origin: 'PARTICIPANT',
                status: 'PENDING',
                mine: true,
              },
            },
          },
        },
        ...page,
      ],
    });
    const field = await screen.findByRole('textbox', { name: 'Votre idée' }, { timeout: 5000 });
    await user.type(field, '   ');
    await user.click(screen.getByRole('button', { name: 'Ajouter l’idée' }));
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('Renseignez le champ «\u00a0Votre idée\u00a0».'),
    );
    // invisible characters only: the client counts them, the server refuses them on the field
    await user.clear(field);
    await user.type(field, '\u200b\u200b\u200b');
    await user.click(screen.getByRole('button', { name: 'Ajouter l’idée' }));
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        expect.stringContaining('Écrivez votre idée : le texte est vide.'),
      ),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'Créer un observatoire des usages');
    await user.click(screen.getByRole('button', { name: 'Ajouter l’idée' }));
    expect(
      await screen.findByText(
        'Idée envoyée : elle sera publiée après validation par un modérateur.',
      ),
    ).toBeInTheDocument();
    expect(field).toHaveValue('');
  });

  it('in English, a blank idea is said in English on the field, never “Invalid input.”', async () => {
    await i18n.changeLanguage('en');
    try {
      const user = userEvent.setup();
      renderWithProviders(<IdeaBoothPage />, {
        ...route,
        mocks: [
          { request: { query: ME_QUERY }, result: { data: { me } } },
          ...page,
          {
            request: { query: NEXT_IDEA_PAIR_MUTATION, variables: { boxId: 'b1' } },
            result: {
              data: { nextIdeaPair: { __typename: 'IdeaPair', id: 'p1', left: A, right: B } },
            },
          },
        ],
      });
      const field = await screen.findByRole('textbox', { name: 'Your idea' }, { timeout: 5000 });
      await user.click(screen.getByRole('button', { name: 'Add the idea' }));
      expect(
        await screen.findByRole('alert', { name: 'There is 1 problem with this form' }),
      ).toHaveFocus();
      expect(field).toHaveAccessibleDescription(expect.stringContaining('Fill in “Your idea”.'));
      expect(screen.queryByText('Invalid input.')).not.toBeInTheDocument();
    } finally {
      await i18n.changeLanguage('fr');
    }
  });

  it('asks a signed-out visitor to sign in when the box does not allow anonymous voting', async () => {
    renderWithProviders(<IdeaBoothPage />, {
      ...route,
      mocks: [{ request: { query: ME_QUERY }, result: { data: { me: null } } }, ...page],
    });
    expect(
      await screen.findByRole(
        'link',
        { name: 'Connectez-vous pour participer' },
        { timeout: 5000 },
      ),
    ).toHaveAttribute('href', '/connexion');
    expect(
      screen.queryByRole('group', { name: 'Choisir entre deux idées' }),
    ).not.toBeInTheDocument();
  });
});

describe('<IdeaResultsPage>', () => {
  const ranked = (
    r: number,
    i: ReturnType<typeof idea>,
    score: number,
    low: number,
    high: number,
    wins: number,
    losses: number,
  ) => ({
    __typename: 'RankedIdea',
    rank: r,
    score,
    scoreLow: low,
    scoreHigh: high,
    wins,
    losses,
    idea: i,
  });
  const results = {
    __typename: 'IdeaResults',
    boxId: 'b1',
    comparisonsCount: 1216,
    scoredComparisons: 1216,
    votersCount: 1,
    skipsCount: 2,
    dontKnowCount: 1,
    votersInSmallTypologies: 3,
    ideas: [
      ranked(1, A, 71.6, 52.2, 86.9, 6, 2),
      ranked(2, B, 50, 30.1, 69.9, 4, 4),
      ranked(3, C, 28.4, 13.1, 47.8, 2, 6),
    ],
    byTypology: [
      {
        __typename: 'TypologyIdeaScores',
        typologyKey: 'hospital',
        label: 'Hôpital, groupe privé, fédération',
        votersCount: 6,
        comparisonsCount: 8,
        scores: [
          {
            __typename: 'TypologyIdeaScore',
            ideaId: 'i1',
            score: 40,
            scoreLow: 20,
            scoreHigh: 60,
            comparisons: 5,
          },
          {
            __typename: 'TypologyIdeaScore',
            ideaId: 'i2',
            score: 65,
            scoreLow: 45,
            scoreHigh: 80,
            comparisons: 6,
          },
          {
            __typename: 'TypologyIdeaScore',
            ideaId: 'i3',
            score: 45,
            scoreLow: 25,
            scoreHigh: 66,
            comparisons: 5,
          },
        ],
      },
    ],
  };

  it('ranks the ideas with score bars and intervals in text, the same in a table, and the scores of one respondent type', async () => {
    renderWithProviders(<IdeaResultsPage />, {
      route: '/espaces/structuration/f/c1/idees/b1/resultats',
      path: '/espaces/:slug/f/:componentId/idees/:boxId/resultats',
      mocks: [
        ...page,
        {
          request: { query: IDEA_RESULTS_QUERY, variables: { boxId: 'b1' } },
          result: { data: { ideaResults: results } },
        },
      ],
    });
    expect(
      await screen.findByRole(
        'heading',
        { level: 2, name: 'Classement des idées' },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^1\s216 comparaisons de 1 votant·e, 2 « Passer », 1 « Je ne sais pas »\.$/),
    ).toBeInTheDocument();
    expect(screen.getByText(/Score 72 \(intervalle 52 à 87\)/)).toBeInTheDocument();
    const table = screen.getByRole('region', { name: 'Tableau des résultats' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[1]).getByRole('rowheader')).toHaveTextContent(
      'Organiser une journée de la filière',
    );
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '72', '52 – 87', '6', '2']);
    expect(screen.getByRole('combobox', { name: 'Type de répondant' })).toHaveDisplayValue(
      'Hôpital, groupe privé, fédération (6 votant·e·s)',
    );
    const typology = screen.getByRole('table', { name: /Scores parmi\u00a0: Hôpital/ });
    expect(
      within(typology)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual([B.body, C.body, A.body]);
    expect(
      screen.getByText('3 votant·e·s appartiennent à des types trop petits pour être montrés.'),
    ).toBeInTheDocument();
    expect(await axeViolations(screen.getByRole('article'))).toEqual([]);
  });

  it('formats scores as whole numbers in the interface language', () => {
    expect(formatScore(71.6, 'fr')).toBe('72');
    expect(formatScore(1234.4, 'fr')).toBe('1\u202f234');
  });
});
