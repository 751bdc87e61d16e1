import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '../../../i18n/i18n';
import { fixtureActionLogs } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ME_QUERY } from '../../auth/graphql/auth';
import { ACTION_LOG_PAGE_SIZE, ACTION_LOGS_QUERY } from '../graphql/actionLogs';
import { ADMIN_SPACES_QUERY } from '../graphql/admin';
import { ActionLogPage, toActionLogFilter } from './ActionLogPage';

const me = (isAdmin: boolean) => ({
  request: { query: ME_QUERY },
  result: {
    data: { me: { __typename: 'User', id: 'u1', name: 'Alice', email: 'a@example.org', isAdmin } },
  },
});
const space = (id: string, title: string, viewerCanAdminister: boolean) => ({
  __typename: 'ParticipatorySpace',
  id,
  slug: `espace-${id}`,
  title,
  type: 'PROCESS',
  published: true,
  isDemo: false,
  viewerCanAdminister,
});
const spaces = {
  request: { query: ADMIN_SPACES_QUERY },
  result: {
    data: {
      spaces: [space('s-process', 'Structuration', true), space('s-other', 'Autre espace', false)],
    },
  },
};
const logs = (
  filter: Record<string, unknown>,
  data: unknown = fixtureActionLogs,
  after?: string,
): MockLink.MockedResponse => ({
  request: {
    query: ACTION_LOGS_QUERY,
    variables: { filter, first: ACTION_LOG_PAGE_SIZE, ...(after ? { after } : {}) },
  },
  result: { data: data as Record<string, unknown> },
});
const secondPage = {
  actionLogs: {
    __typename: 'ActionLogConnection',
    nodes: [
      {
        __typename: 'ActionLog',
        id: '2',
        action: 'create',
        resourceType: 'participatory_space',
        resourceId: 's-process',
        spaceId: 's-process',
        spaceTitle: 'Structuration',
        visibility: 'ADMIN_ONLY',
        summary: 'Espace « Structuration » créé',
        createdAt: '2026-01-31T08:00:00.000Z',
        actor: { __typename: 'ActionLogActor', id: 'u1', name: 'Alice' },
      },
    ],
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'YWw6Mg' },
  },
};

describe('<ActionLogPage>', () => {
  it('shows an organization admin every line in an accessible table with French labels, and loads more', async () => {
    renderWithProviders(<ActionLogPage />, {
      mocks: [me(true), spaces, logs({}), logs({}, secondPage, 'YWw6Mw')],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Journal des actions' }),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', {
      name: 'Journal des actions, du plus récent au plus ancien',
    });
    const header = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(header).toEqual([
      'Date',
      'Personne',
      'Action',
      'Ressource',
      'Espace',
      'Visibilité',
      'Résumé',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByRole('rowheader')).toHaveTextContent('Brouillon de réponse publié');
    expect(rows[0]).toHaveTextContent('Proposition');
    expect(rows[0]).toHaveTextContent('Publique');
    expect(rows[1]).toHaveTextContent('Masquage');
    expect(rows[1]).toHaveTextContent('Administrateurs');
    expect(rows[2]).toHaveTextContent('Système');
    expect(screen.getByLabelText('Espace')).toHaveValue('');
    await userEvent.click(screen.getByRole('button', { name: 'Charger plus' }));
    expect(await within(table).findByText('Espace « Structuration » créé')).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    expect(screen.queryByRole('button', { name: 'Charger plus' })).not.toBeInTheDocument();
  });

  it('in English, reads the French summaries and space titles in French, the rest in English', async () => {
    await i18n.changeLanguage('en');
    try {
      const { unmount } = renderWithProviders(<ActionLogPage />, {
        mocks: [me(true), spaces, logs({})],
      });
      const table = await screen.findByRole('table', { name: 'Action log, newest first' });
      const [row] = within(table).getAllByRole('row').slice(1);
      const langOf = (element: Element) => element.closest('[lang]')?.getAttribute('lang');
      expect(langOf(within(row).getByText('Réponse publiée : acceptée'))).toBe('fr');
      expect(langOf(within(row).getByText('Structuration de la filière santé numérique'))).toBe(
        'fr',
      );
      expect(langOf(within(row).getByRole('rowheader'))).toBe('en');
      expect(within(row).getByRole('rowheader')).toHaveTextContent('Draft answer published');
      expect(langOf(within(row).getByText('Proposal'))).toBe('en');
      unmount();
    } finally {
      await i18n.changeLanguage('fr');
    }
  });

  it('sends the chosen filters on "Filtrer" and filters on a person from the table', async () => {
    const filtered = { spaceId: 's-process', resourceType: 'comment', action: 'hide' };
    renderWithProviders(<ActionLogPage />, {
      mocks: [me(true), spaces, logs({}), logs(filtered), logs({ ...filtered, userId: 'u2' })],
    });
    await screen.findByRole('table');
    await userEvent.selectOptions(screen.getByLabelText('Espace'), 'Structuration');
    await userEvent.selectOptions(screen.getByLabelText('Type de ressource'), 'Commentaire');
    await userEvent.selectOptions(screen.getByLabelText('Action'), 'Masquage');
    await userEvent.click(screen.getByRole('button', { name: 'Filtrer' }));
    const table = await screen.findByRole('table');
    await userEvent.click(
      within(table).getAllByRole('button', { name: /^Marc Petit.*Filtrer sur Marc Petit$/ })[0],
    );
    expect(await screen.findByText(/Personne : Marc Petit/)).toBeInTheDocument();
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  it('gives a space admin only the spaces they administer, one chosen by default', async () => {
    renderWithProviders(<ActionLogPage />, {
      mocks: [me(false), spaces, logs({ spaceId: 's-process' })],
    });
    const select = await screen.findByLabelText('Espace');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Structuration']);
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(
      within(screen.getByLabelText('Visibilité')).queryByRole('option', { name: 'Privée' }),
    ).not.toBeInTheDocument();
  });

  it('tells visitors the page is reserved', async () => {
    renderWithProviders(<ActionLogPage />, {
      mocks: [{ request: { query: ME_QUERY }, result: { data: { me: null } } }],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès réservé aux administrateurs' }),
    ).toBeInTheDocument();
  });

  it('turns the date fields into an inclusive day range', () => {
    const filter = toActionLogFilter(
      {
        spaceId: '',
        resourceType: '',
        action: '',
        visibility: '',
        from: '2026-03-01',
        to: '2026-03-01',
      },
      null,
    );
    expect(new Date(filter.to!).getTime() - new Date(filter.from!).getTime()).toBe(
      24 * 3600 * 1000,
    );
    expect(
      toActionLogFilter(
        { spaceId: 's', resourceType: '', action: '', visibility: 'PUBLIC', from: '', to: '' },
        { id: 'u9' },
      ),
    ).toEqual({ spaceId: 's', visibility: 'PUBLIC', userId: 'u9' });
  });
});
