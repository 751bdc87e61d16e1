import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ME_QUERY } from '../../auth/graphql/auth';
import {
  ADMIN_SPACE_QUERY,
  DELETE_PHASE_MUTATION,
  REORDER_PHASES_MUTATION,
  SPACE_ROLES_QUERY,
} from '../graphql/admin';
import { SpaceAdminPage } from './SpaceAdminPage';

const phase = (id: string, title: string, position: number, active = false) => ({
  __typename: 'SpacePhase',
  id,
  title,
  description: '',
  startDate: null,
  endDate: null,
  active,
  position,
});

const space = (phases: ReturnType<typeof phase>[], viewerCanAdminister = true) => ({
  __typename: 'ParticipatorySpace',
  id: 's1',
  slug: 'structuration',
  title: 'Structuration',
  subtitle: '',
  description: '',
  type: 'PROCESS',
  published: true,
  isDemo: false,
  viewerCanAdminister,
  phases,
  components: [],
});

const me = {
  request: { query: ME_QUERY },
  result: {
    data: {
      me: { __typename: 'User', id: 'u1', name: 'Alice', email: 'a@example.org', isAdmin: false },
    },
  },
};
const roles = {
  request: { query: SPACE_ROLES_QUERY, variables: { spaceId: 's1' } },
  result: { data: { spaceRoles: [] } },
  maxUsageCount: 5,
};
const route = { route: '/admin/espaces/structuration', path: '/admin/espaces/:slug' };
const spaceQuery = (data: ReturnType<typeof space>) => ({
  request: { query: ADMIN_SPACE_QUERY, variables: { slug: 'structuration' } },
  result: { data: { space: data } },
});

describe('<SpaceAdminPage>', () => {
  it('moves a phase down with reorderPhases and announces it', async () => {
    const before = [phase('p1', 'Diagnostic', 0, true), phase('p2', 'Co-rédaction', 1)];
    const after = [phase('p2', 'Co-rédaction', 0), phase('p1', 'Diagnostic', 1, true)];
    renderWithProviders(<SpaceAdminPage />, {
      ...route,
      mocks: [
        me,
        roles,
        spaceQuery(space(before)),
        {
          request: {
            query: REORDER_PHASES_MUTATION,
            variables: { spaceId: 's1', phaseIds: ['p2', 'p1'] },
          },
          result: { data: { reorderPhases: after } },
        },
        spaceQuery(space(after)),
      ],
    });
    const phases = await screen.findByRole('region', { name: 'Phases' });
    const list = within(phases).getByRole('list');
    expect(
      within(list)
        .getAllByRole('heading')
        .map((heading) => heading.textContent),
    ).toEqual(['Diagnostic', 'Co-rédaction']);
    expect(
      within(list).getByRole('button', { name: 'Monter la phase «\u00a0Diagnostic\u00a0»' }),
    ).toBeDisabled();

    await userEvent
      .setup()
      .click(
        within(list).getByRole('button', { name: 'Descendre la phase «\u00a0Diagnostic\u00a0»' }),
      );

    await waitFor(() =>
      expect(within(phases).getAllByRole('status')[0]).toHaveTextContent(
        'L’ordre des phases a été enregistré.',
      ),
    );
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('heading')
          .map((heading) => heading.textContent),
      ).toEqual(['Co-rédaction', 'Diagnostic']),
    );
    expect(within(list).getAllByText('Phase en cours')).toHaveLength(1);
  });

  it('deletes a phase only after confirmation', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SpaceAdminPage />, {
      ...route,
      mocks: [
        me,
        roles,
        spaceQuery(space([phase('p1', 'Diagnostic', 0)])),
        {
          request: { query: DELETE_PHASE_MUTATION, variables: { id: 'p1' } },
          result: { data: { deletePhase: true } },
        },
        spaceQuery(space([])),
      ],
    });
    const phases = await screen.findByRole('region', { name: 'Phases' });
    await user.click(
      within(phases).getByRole('button', { name: 'Supprimer la phase «\u00a0Diagnostic\u00a0»' }),
    );
    // The question is asked in a modal dialog; its first focus is « Annuler ».
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Supprimer «\u00a0Diagnostic\u00a0»\u202f? Cette action est définitive.',
    });
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() =>
      expect(
        within(phases).getByRole('button', { name: 'Supprimer la phase «\u00a0Diagnostic\u00a0»' }),
      ).toHaveFocus(),
    );
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await user.click(
      within(phases).getByRole('button', { name: 'Supprimer la phase «\u00a0Diagnostic\u00a0»' }),
    );
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', {
        name: 'Confirmer la suppression',
      }),
    );
    await waitFor(() =>
      expect(within(phases).getAllByRole('status')[0]).toHaveTextContent(
        'La phase « Diagnostic » a été supprimée.',
      ),
    );
    expect(await within(phases).findByText('Aucune phase pour le moment.')).toBeInTheDocument();
  });

  it('refuses viewers who cannot administer the space', async () => {
    renderWithProviders(<SpaceAdminPage />, {
      ...route,
      mocks: [me, spaceQuery(space([], false))],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès réservé aux administrateurs' }),
    ).toBeInTheDocument();
  });
});
