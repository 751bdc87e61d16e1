import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { AGENDA_MEETINGS_QUERY, AGENDA_SPACES_QUERY, type AgendaFilter } from './agenda.graphql';
import { AgendaPage } from './AgendaPage';

const now = new Date();
const meeting = {
  __typename: 'Meeting',
  id: 'm1',
  spaceId: 's1',
  title: 'Journée de la filière',
  type: 'IN_PERSON',
  startsAt: now.toISOString(),
  endsAt: new Date(now.getTime() + 60_000).toISOString(),
  state: 'ONGOING',
  cancelled: false,
  published: true,
  location: 'Ministère',
  address: '14 avenue Duquesne, 75007 Paris',
  registrationsEnabled: false,
  seatsLeft: null,
  registeredCount: 0,
  capacity: 0,
  path: '/espaces/structuration/f/c1/rencontres/m1',
  viewerRegistration: null,
};
const page = (nodes: (typeof meeting)[]) => ({
  data: {
    agendaMeetings: {
      __typename: 'MeetingConnection',
      edges: nodes.map((node) => ({ __typename: 'MeetingEdge', cursor: `c-${node.id}`, node })),
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    },
  },
});
const holdsNow = (v: { filter: AgendaFilter }) =>
  !!v.filter.from &&
  !!v.filter.to &&
  v.filter.from <= now.toISOString() &&
  now.toISOString() < v.filter.to;
const mocks = [
  {
    request: { query: AGENDA_SPACES_QUERY },
    result: {
      data: {
        spaces: [
          { __typename: 'ParticipatorySpace', id: 's1', title: 'Structuration de la filière' },
        ],
      },
    },
    maxUsageCount: 10,
  },
  {
    request: {
      query: AGENDA_MEETINGS_QUERY,
      variables: (v: { filter: AgendaFilter; first: number }) =>
        v.first === 20 && !!v.filter.from && !v.filter.to,
    },
    result: page([meeting]),
    maxUsageCount: 10,
  },
  {
    request: {
      query: AGENDA_MEETINGS_QUERY,
      variables: (v: { filter: AgendaFilter; first: number }) => v.first === 100 && holdsNow(v),
    },
    result: page([meeting]),
    maxUsageCount: 10,
  },
  {
    request: {
      query: AGENDA_MEETINGS_QUERY,
      variables: (v: { filter: AgendaFilter; first: number }) => v.first === 100 && !holdsNow(v),
    },
    result: page([]),
    maxUsageCount: 10,
  },
];

/** axe-core without colour contrast (no layout engine in jsdom; the browser run checks it) nor landmarks (no app layout here). */
async function expectNoViolations() {
  // `region`: rendered without the app's layout, whose <main> holds the page
  const results = await axe.run(document, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
  ).toEqual([]);
}

describe('<AgendaPage>', () => {
  it('lists upcoming meetings of all spaces as cards linking to their pages, with type and space filters', async () => {
    renderWithProviders(<AgendaPage />, { route: '/agenda', mocks });
    expect(screen.getByRole('heading', { level: 1, name: 'Agenda' })).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Journée de la filière' }, { timeout: 5000 }),
    ).toHaveAttribute('href', '/espaces/structuration/f/c1/rencontres/m1');
    expect(screen.getByRole('heading', { name: 'Rencontres à venir' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Type de rencontre' })).toBeInTheDocument();
    expect(
      await screen.findByRole('option', { name: 'Structuration de la filière' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Liste' })).toHaveAttribute('aria-current', 'page');
    await expectNoViolations();
  });

  it('« Afficher plus » appends the next page and gives the focus to its first meeting', async () => {
    const second = {
      ...meeting,
      id: 'm2',
      title: 'Atelier interopérabilité',
      path: '/espaces/structuration/f/c1/rencontres/m2',
    };
    const paged = [
      mocks[0],
      {
        request: {
          query: AGENDA_MEETINGS_QUERY,
          variables: (v: { first: number; after?: string | null }) => v.first === 20 && !v.after,
        },
        result: {
          data: {
            agendaMeetings: {
              ...page([meeting]).data.agendaMeetings,
              pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: 'c-m1' },
            },
          },
        },
        maxUsageCount: 10,
      },
      {
        request: {
          query: AGENDA_MEETINGS_QUERY,
          variables: (v: { first: number; after?: string | null }) =>
            v.first === 20 && v.after === 'c-m1',
        },
        result: page([second]),
        maxUsageCount: 10,
      },
    ];
    renderWithProviders(<AgendaPage />, { route: '/agenda', mocks: paged });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Afficher plus de rencontres' }, { timeout: 5000 }),
    );
    const link = await screen.findByRole(
      'link',
      { name: 'Atelier interopérabilité' },
      { timeout: 5000 },
    );
    expect(screen.getByRole('link', { name: 'Journée de la filière' })).toBeInTheDocument();
    await waitFor(() => expect(link).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Afficher plus de rencontres' })).toBeNull();
  });

  it('shows the month as a grid with each day’s meetings; the keyboard moves by day and by month', async () => {
    renderWithProviders(<AgendaPage />, { route: '/agenda?vue=mois', mocks });
    const grid = await screen.findByRole('grid');
    await waitFor(() => expect(grid.querySelector('[data-count="1"]')).not.toBeNull(), {
      timeout: 5000,
    });
    const todayCell = grid
      .querySelector('[data-count="1"]')!
      .closest('[role="button"]') as HTMLElement;
    const calendar = screen.getByRole('application');
    const monthTitle = within(calendar).getByRole('heading').textContent;
    await userEvent.click(todayCell);
    expect(
      await screen.findByRole('heading', { level: 3, name: /: 1 rencontre$/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Journée de la filière' })).toBeInTheDocument();
    await expectNoViolations();
    await userEvent.keyboard('{PageDown}');
    await waitFor(() =>
      expect(within(calendar).getByRole('heading').textContent).not.toBe(monthTitle),
    );
    expect(grid.contains(document.activeElement)).toBe(true);
    expect(
      await screen.findByText('Aucune rencontre ce mois-ci.', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });
});
