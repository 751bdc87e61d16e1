import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ME_QUERY } from '../../auth/graphql/auth';
import { ADMIN_SPACES_QUERY } from '../graphql/admin';
import { AdminPage } from './AdminPage';

function me(isAdmin: boolean) {
  return {
    request: { query: ME_QUERY },
    result: {
      data: {
        me: { __typename: 'User', id: 'u1', name: 'Alice', email: 'a@example.org', isAdmin },
      },
    },
  };
}

const row = (id: string, title: string, viewerCanAdminister: boolean, published = true) => ({
  __typename: 'ParticipatorySpace',
  id,
  slug: `espace-${id}`,
  title,
  type: 'PROCESS',
  published,
  isDemo: false,
  viewerCanAdminister,
});

describe('<AdminPage>', () => {
  it('tells visitors the page is reserved to administrators', async () => {
    renderWithProviders(<AdminPage />, {
      mocks: [{ request: { query: ME_QUERY }, result: { data: { me: null } } }],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès réservé aux administrateurs' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Connexion' })).toHaveAttribute('href', '/connexion');
  });

  it('tells a participant who administers no space that the page is reserved', async () => {
    renderWithProviders(<AdminPage />, {
      mocks: [
        me(false),
        {
          request: { query: ADMIN_SPACES_QUERY },
          result: { data: { spaces: [row('1', 'Concertation publique', false)] } },
        },
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès réservé aux administrateurs' }),
    ).toBeInTheDocument();
  });

  it('shows a space admin only their spaces and no creation form', async () => {
    renderWithProviders(<AdminPage />, {
      mocks: [
        me(false),
        {
          request: { query: ADMIN_SPACES_QUERY },
          result: {
            data: {
              spaces: [
                row('1', 'Concertation publique', false),
                row('2', 'Mon espace', true, false),
              ],
            },
          },
        },
      ],
    });
    const table = await screen.findByRole('table', { name: 'Espaces que vous administrez' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('Mon espace');
    expect(rows[0]).toHaveTextContent('Non publié');
    expect(within(rows[0]).getByRole('link', { name: /^Modifier/ })).toHaveAttribute(
      'href',
      '/admin/espaces/espace-2',
    );
    expect(screen.queryByRole('heading', { name: 'Nouvel espace' })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Administrateurs de l’organisation' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Pétitions à valider et à répondre' })).toHaveAttribute(
      'href',
      '/admin/petitions',
    );
    expect(screen.queryByRole('link', { name: 'Types de pétition' })).not.toBeInTheDocument();
  });

  it('gives organisation admins every space and the "Nouvel espace" form', async () => {
    renderWithProviders(<AdminPage />, {
      mocks: [
        me(true),
        {
          request: { query: ADMIN_SPACES_QUERY },
          result: { data: { spaces: [row('1', 'Concertation publique', true)] } },
        },
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Administration' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Nouvel espace' })).toBeInTheDocument();
    expect(screen.getByLabelText('Type')).toHaveValue('PROCESS');
    expect(screen.getByLabelText('Adresse (slug)')).toBeInTheDocument();
    expect(screen.getByLabelText('Titre')).toBeInTheDocument();
    expect(screen.getByLabelText('Sous-titre')).toBeInTheDocument();
    expect(screen.getByLabelText('Description')).toBeInTheDocument();
    expect(screen.getByLabelText('Publié')).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Créer l’espace' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Administrateurs de l’organisation' })).toHaveAttribute(
      'href',
      '/admin/administrateurs',
    );
    expect(screen.getByRole('link', { name: 'Types de pétition' })).toHaveAttribute(
      'href',
      '/admin/petitions/types',
    );
  });
});
