import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ME_QUERY } from '../../auth/graphql/auth';
import { COMPONENT_QUERY, COMPONENT_SPACE_QUERY } from '../../components/graphql/components';
import {
  ADD_DEBATE_STATEMENT_MUTATION,
  DEBATE_ANALYSIS_QUERY,
  DEBATE_NEXT_STATEMENT_QUERY,
  DEBATE_QUERY,
  MY_DEBATE_STATEMENTS_QUERY,
  VOTE_DEBATE_STATEMENT_MUTATION,
} from '../graphql/debates';
import { DebatePage } from './DebatePage';
import { DebateResultsPage } from './DebateResultsPage';

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
  title: 'Débat',
  description: '',
  type: 'DEBATE',
  spaceId: 's1',
  published: true,
};
const debate = {
  __typename: 'Debate',
  id: 'd1',
  componentId: 'c1',
  spaceId: 's1',
  link: '/espaces/structuration/f/c1/debats/d1',
  title: 'Quelle action la filière doit-elle mener en priorité ?',
  description: '',
  closedAt: null,
  statementsCount: 2,
  participantsCount: 12,
  isDemo: true,
  participantStatements: true,
  statementsModerated: false,
  viewerVotesCount: 0,
  viewerCanModerate: false,
};
const me = {
  __typename: 'User',
  id: 'u1',
  name: 'Alice Martin',
  email: 'alice@example.org',
  isAdmin: false,
};
const statement = (id: string, body: string) => ({
  __typename: 'DebateStatement',
  viewerReported: false,
  id,
  body,
  state: 'PUBLISHED',
  hidden: false,
  votesCount: 3,
  viewerIsAuthor: false,
  viewerVote: null,
});
const s1 = statement('st1', 'La filière doit organiser une journée annuelle.');
const s2 = statement('st2', 'Les industriels ont besoin d’un guichet unique.');
const result = (id: string, body: string, groups: [number, number, number][]) => ({
  __typename: 'DebateStatementResult',
  statementId: id,
  body,
  agree: groups.reduce((n, g) => n + g[0], 0),
  disagree: groups.reduce((n, g) => n + g[1], 0),
  pass: 0,
  consensus: 0.5,
  divisiveness: 0.4,
  groups: groups.map(([agree, disagree, seen], groupId) => ({
    __typename: 'DebateGroupVotes',
    groupId,
    agree,
    disagree,
    seen,
  })),
});
const point = (x: number, y: number) => ({ __typename: 'DebatePoint', x, y });
const analysis = {
  __typename: 'DebateAnalysis',
  computedAt: '2026-03-01T10:00:00.000Z',
  participantCount: 13,
  clusteredCount: 12,
  voteCount: 24,
  groups: [
    {
      __typename: 'DebateGroup',
      id: 0,
      label: 'A',
      size: 6,
      centroid: point(-1, 0),
      points: [point(-1.2, 0.1), point(-0.9, -0.1), point(-1, 0)],
      representatives: [
        {
          __typename: 'DebateRepresentative',
          statementId: 'st2',
          body: s2.body,
          repfulFor: 'AGREE',
          share: 1,
          successes: 6,
          trials: 6,
          significant: true,
        },
      ],
    },
    {
      __typename: 'DebateGroup',
      id: 1,
      label: 'B',
      size: 6,
      centroid: point(1, 0),
      points: [point(1.1, 0.2), point(0.9, -0.2)],
      representatives: [
        {
          __typename: 'DebateRepresentative',
          statementId: 'st2',
          body: s2.body,
          repfulFor: 'DISAGREE',
          share: 5 / 6,
          successes: 5,
          trials: 6,
          significant: true,
        },
      ],
    },
  ],
  ungrouped: [point(0, 1)],
  consensus: [
    result('st1', s1.body, [
      [6, 0, 6],
      [5, 1, 6],
    ]),
  ],
  divisive: [
    result('st2', s2.body, [
      [6, 0, 6],
      [1, 5, 6],
    ]),
  ],
  statements: [
    result('st1', s1.body, [
      [6, 0, 6],
      [5, 1, 6],
    ]),
    result('st2', s2.body, [
      [6, 0, 6],
      [1, 5, 6],
    ]),
  ],
  viewerPosition: { __typename: 'DebateViewerPosition', x: -1.1, y: 0.05, groupId: 0 },
};

const base = [
  {
    request: { query: COMPONENT_SPACE_QUERY, variables: { slug: 'structuration' } },
    result: { data: { space } },
  },
  { request: { query: COMPONENT_QUERY, variables: { id: 'c1' } }, result: { data: { component } } },
  {
    request: { query: DEBATE_QUERY, variables: { id: 'd1' } },
    result: { data: { debate } },
    maxUsageCount: 5,
  },
];

async function expectNoViolations() {
  const results = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
  ).toEqual([]);
}

describe('<DebateResultsPage>', () => {
  it('shows the map (groups, ungrouped, « Vous »), each group’s statements, the consensus, and a table of it all; axe finds nothing', async () => {
    renderWithProviders(
      <main>
        <DebateResultsPage />
      </main>,
      {
        route: '/espaces/structuration/f/c1/debats/d1/resultats',
        path: '/espaces/:slug/f/:componentId/debats/:debateId/resultats',
        mocks: [
          ...base,
          { request: { query: ME_QUERY }, result: { data: { me } } },
          {
            request: { query: DEBATE_ANALYSIS_QUERY, variables: { debateId: 'd1' } },
            result: { data: { debateAnalysis: analysis } },
          },
        ],
      },
    );
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Groupes d’opinion et consensus' },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    const map = screen.getByRole('img', {
      name: 'Carte des opinions\u00a0: chaque point est un·e participant·e anonyme',
    });
    expect(map.querySelectorAll('[data-group="A"] > *')).toHaveLength(3);
    expect(map.querySelectorAll('[data-group="B"] > *')).toHaveLength(2);
    expect(within(map).getByText('Vous')).toBeInTheDocument();
    expect(screen.getByText('Vous êtes dans le groupe A.')).toBeInTheDocument();
    const groupA = screen
      .getByRole('heading', { level: 3, name: 'Groupe A · 6 participant·es' })
      .closest('section')!;
    expect(within(groupA).getByText(/100 % du groupe d’accord \(6 sur 6\)/)).toBeInTheDocument();
    const consensus = screen
      .getByRole('heading', { name: 'Consensus entre les groupes' })
      .closest('section')!;
    expect(
      within(consensus).getByText(/La filière doit organiser une journée annuelle\./),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Votes par affirmation, en tout et par groupe',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('rowheader', { name: s2.body })).toBeInTheDocument();
    expect(within(table).getByText('1 sur 6 (17 %)')).toBeInTheDocument();
    const groups = screen.getByRole('table', {
      name: 'Groupes d’opinion\u00a0: taille et centre sur la carte',
    });
    expect(
      within(groups).getByRole('row', { name: /Groupe A 6 .* votre groupe/ }),
    ).toBeInTheDocument();
    // French coordinates: a true minus sign and a narrow no-break space before « ; »
    expect(
      within(groups).getByText('(\u22121\u202f; 0)', { normalizer: (text) => text }),
    ).toBeInTheDocument();
    expect(
      within(groups).getByRole('row', { name: /Sans groupe \(moins de 7 votes\) 1/ }),
    ).toBeInTheDocument();
    await expectNoViolations();
  });
});

describe('<DebatePage>', () => {
  const route = {
    route: '/espaces/structuration/f/c1/debats/d1',
    path: '/espaces/:slug/f/:componentId/debats/:debateId',
  };
  const signedIn = [
    ...base,
    { request: { query: ME_QUERY }, result: { data: { me } } },
    {
      request: { query: MY_DEBATE_STATEMENTS_QUERY, variables: { debateId: 'd1' } },
      result: { data: { debateStatements: [] } },
      maxUsageCount: 3,
    },
  ];

  it('votes « D’accord », then shows the next statement with the focus on it', async () => {
    renderWithProviders(
      <main>
        <DebatePage />
      </main>,
      {
        ...route,
        mocks: [
          ...signedIn,
          {
            request: { query: DEBATE_NEXT_STATEMENT_QUERY, variables: { debateId: 'd1' } },
            result: { data: { debateNextStatement: s1 } },
          },
          {
            request: {
              query: VOTE_DEBATE_STATEMENT_MUTATION,
              variables: { statementId: 'st1', choice: 'AGREE' },
            },
            result: {
              data: { voteDebateStatement: { ...s1, votesCount: 4, viewerVote: 'AGREE' } },
            },
          },
          {
            request: { query: DEBATE_NEXT_STATEMENT_QUERY, variables: { debateId: 'd1' } },
            result: { data: { debateNextStatement: s2 } },
          },
        ],
      },
    );
    const card = { selector: '.voting-card__statement' };
    expect(await screen.findByText(s1.body, card, { timeout: 5000 })).toBeInTheDocument();
    const group = screen.getByRole('group', { name: 'Votre vote sur cette affirmation' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['D’accord', 'Pas d’accord', 'Passer']);
    await userEvent.click(within(group).getByRole('button', { name: 'D’accord' }));
    const next = await screen.findByText(s2.body, card, { timeout: 5000 });
    await waitFor(() => expect(next).toHaveFocus(), { timeout: 5000 });
    expect(
      screen
        .getByText('Vote enregistré : d’accord. Affirmation suivante.')
        .closest('[role="status"]'),
    ).not.toBeNull();
    await expectNoViolations();
  });

  it('a statement that is blank or over 280 characters is refused in the field, which keeps the focus; a valid one is sent', async () => {
    const body = 'Créer un annuaire des acteurs de la filière.';
    renderWithProviders(
      <main>
        <DebatePage />
      </main>,
      {
        ...route,
        mocks: [
          ...signedIn,
          {
            request: { query: DEBATE_NEXT_STATEMENT_QUERY, variables: { debateId: 'd1' } },
            result: { data: { debateNextStatement: null } },
            maxUsageCount: 3,
          },
          {
            request: { query: ADD_DEBATE_STATEMENT_MUTATION, variables: { debateId: 'd1', body } },
            result: {
              data: {
                addDebateStatement: {
                  ...statement('st3', body),
                  votesCount: 1,
                  viewerIsAuthor: true,
                  viewerVote: 'AGREE',
                },
              },
            },
          },
        ],
      },
    );
    const field = await screen.findByRole(
      'textbox',
      { name: 'Votre affirmation' },
      { timeout: 5000 },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Proposer' }));
    expect(
      await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' }),
    ).toHaveFocus();
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('Votre affirmation\u00a0: le texte est vide.'),
    );
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(field);
    await userEvent.paste('é'.repeat(281));
    await userEvent.click(screen.getByRole('button', { name: 'Proposer' }));
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        expect.stringContaining(
          'Votre affirmation\u00a0: 280 caractères au plus (actuellement 281).',
        ),
      ),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    await userEvent.clear(field);
    await userEvent.paste(body);
    await userEvent.click(screen.getByRole('button', { name: 'Proposer' }));
    expect(
      await screen.findByText(
        'Affirmation publiée. Elle compte comme votre vote « d’accord ».',
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveValue('');
  });
});

describe('debate counts', () => {
  it('are written with French digit grouping and plurals', async () => {
    const { i18n } = await import('../../../i18n/i18n');
    const fr = i18n.getFixedT('fr');
    expect(fr('debates.participants', { count: 1 })).toBe('1 participant·e');
    expect(fr('debates.participants', { count: 12345 })).toBe('12\u202f345 participant·es');
    expect(fr('debates.vote.votesSoFar', { count: 0 })).toBe('aucun vote pour l’instant');
    await i18n.loadLanguages('en'); // English is a chunk of its own, loaded on first use
    expect(i18n.getFixedT('en')('debates.statements', { count: 1500 })).toBe('1,500 statements');
  });
});
