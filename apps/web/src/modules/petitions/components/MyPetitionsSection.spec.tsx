import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { axeViolations } from '../test/axe';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { MY_PETITIONS_QUERY } from '../graphql/petitions';
import { petition } from '../test/petition-fixtures';
import { MY_PETITIONS_PAGE_SIZE, MyPetitionsSection } from './MyPetitionsSection';

const page = (
  relation: string,
  after: string | null,
  nodes: ReturnType<typeof petition>[],
  next: string | null,
) => ({
  request: {
    query: MY_PETITIONS_QUERY,
    variables: { relation, first: MY_PETITIONS_PAGE_SIZE, after },
  },
  result: {
    data: {
      myPetitions: {
        __typename: 'PetitionConnection',
        hasNextPage: next !== null,
        endCursor: next ?? (nodes.length ? `c-${nodes[nodes.length - 1].id}` : null),
        edges: nodes.map((node) => ({ __typename: 'PetitionEdge', cursor: `c-${node.id}`, node })),
      },
    },
  },
  maxUsageCount: 3,
});

describe('« Mes pétitions » (account)', () => {
  it('lists the member’s petitions with their tie and progress; « Afficher plus » loads the next page and moves the focus to it', async () => {
    const user = userEvent.setup();
    const started = petition({
      id: 'p1',
      title: 'Ma pétition',
      viewerIsAuthor: true,
      state: 'CREATED',
      link: '/espaces/filiere/f/c1/petitions/p1',
    });
    const signed = petition({
      id: 'p2',
      title: 'Une pétition signée',
      viewerHasSigned: true,
      link: '/espaces/filiere/f/c1/petitions/p2',
    });
    const older = petition({
      id: 'p3',
      title: 'Une pétition portée',
      viewerInCommittee: true,
      state: 'ANSWERED',
      link: '/espaces/filiere/f/c1/petitions/p3',
    });
    renderWithProviders(<MyPetitionsSection />, {
      mocks: [page('ALL', null, [started, signed], 'c-p2'), page('ALL', 'c-p2', [older], null)],
    });

    expect(screen.getByRole('heading', { level: 2, name: 'Mes pétitions' })).toBeInTheDocument();
    const first = await screen.findByRole('link', { name: 'Ma pétition' });
    expect(first).toHaveAttribute('href', '/espaces/filiere/f/c1/petitions/p1');
    expect(screen.getByText('Vous l’avez lancée')).toBeInTheDocument();
    expect(screen.getByText('Vous l’avez signée')).toBeInTheDocument();
    expect(screen.getByText('20 signatures sur 50 (40 %)')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Afficher mes pétitions' })).toBeInTheDocument();
    expect(
      await axeViolations(
        screen.getByRole('heading', { level: 2, name: 'Mes pétitions' }).closest('section')!,
      ),
    ).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Afficher plus de pétitions' }));
    const more = await screen.findByRole('link', { name: 'Une pétition portée' });
    await waitFor(() => expect(more).toHaveFocus());
    expect(screen.getByText('Vous êtes au comité promoteur')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Afficher plus de pétitions' }),
    ).not.toBeInTheDocument();
  });

  it('filters by tie (started, committee, signed) and says so when there is none', async () => {
    const user = userEvent.setup();
    const signed = petition({ id: 'p2', title: 'Une pétition signée', viewerHasSigned: true });
    renderWithProviders(<MyPetitionsSection />, {
      mocks: [
        page('ALL', null, [signed], null),
        page('SIGNED', null, [signed], null),
        page('COMMITTEE', null, [], null),
      ],
    });
    expect(await screen.findByRole('link', { name: 'Une pétition signée' })).toBeInTheDocument();
    const filters = screen.getByRole('group', { name: 'Afficher mes pétitions' });
    await user.click(within(filters).getByRole('button', { name: 'Au comité' }));
    expect(within(filters).getByRole('button', { name: 'Au comité' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(
      await screen.findByText('Vous ne faites partie d’aucun comité promoteur.'),
    ).toBeInTheDocument();
    await user.click(within(filters).getByRole('button', { name: 'Signées' }));
    expect(await screen.findByRole('link', { name: 'Une pétition signée' })).toBeInTheDocument();
  });
});
