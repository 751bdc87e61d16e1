import { GraphQLError } from 'graphql';
import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ASSEMBLY_MEMBERS_QUERY, SPACE_QUERY } from '../graphql/spaces';
import { SpacePage } from './SpacePage';

const processSpace = {
  __typename: 'ParticipatorySpace',
  id: 's1',
  slug: 'structuration',
  title: 'Structuration de la filière',
  subtitle: 'Faire filière',
  description: 'Premier paragraphe.\n\nSecond paragraphe.',
  type: 'PROCESS',
  isDemo: true,
  published: true,
  viewerCanAdminister: false,
  phases: [
    {
      __typename: 'SpacePhase',
      id: 'p2',
      title: 'Co-rédaction',
      description: '',
      startDate: '2026-12-01',
      endDate: null,
      active: true,
      position: 1,
    },
    {
      __typename: 'SpacePhase',
      id: 'p1',
      title: 'Diagnostic',
      description: 'Constat partagé.',
      startDate: '2026-03-01',
      endDate: '2026-06-30',
      active: false,
      position: 0,
    },
  ],
  components: [
    {
      __typename: 'Component',
      id: 'c1',
      title: 'Charte martyre',
      type: 'PARTICIPATORY_TEXT',
      published: true,
    },
    { __typename: 'Component', id: 'c2', title: 'Mesures', type: 'PROPOSALS', published: true },
  ],
};

describe('<SpacePage>', () => {
  it('shows the description as paragraphs, the phases in order and the component links', async () => {
    renderWithProviders(<SpacePage />, {
      route: '/espaces/structuration',
      path: '/espaces/:slug',
      mocks: [
        {
          request: { query: SPACE_QUERY, variables: { slug: 'structuration' } },
          result: { data: { space: processSpace } },
        },
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Structuration de la filière' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('Structuration de la filière · Concerto');
    expect(screen.getByText('Démo')).toBeInTheDocument();
    expect(screen.getByText('Premier paragraphe.').tagName).toBe('P');
    expect(screen.getByText('Second paragraphe.').tagName).toBe('P');

    const phases = within(screen.getByRole('region', { name: 'Phases' })).getByRole('list');
    expect(phases.tagName).toBe('OL');
    const items = within(phases).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading').textContent)).toEqual([
      'Diagnostic',
      'Co-rédaction',
    ]);
    expect(items[0]).toHaveTextContent('Du 1er mars 2026 au 30 juin 2026');
    expect(items[0]).not.toHaveTextContent('Phase en cours');
    expect(items[1]).toHaveTextContent('Phase en cours');
    expect(items[1]).toHaveTextContent('À partir du 1er décembre 2026');

    expect(screen.getByRole('link', { name: 'Charte martyre' })).toHaveAttribute(
      'href',
      '/espaces/structuration/f/c1',
    );
    expect(screen.getByRole('link', { name: 'Mesures' })).toHaveAttribute(
      'href',
      '/espaces/structuration/f/c2',
    );
    expect(screen.queryByRole('region', { name: 'Membres' })).not.toBeInTheDocument();
  });

  it('lists the members of an assembly', async () => {
    const assembly = { ...processSpace, type: 'ASSEMBLY', phases: [], slug: 'assemblee' };
    renderWithProviders(<SpacePage />, {
      route: '/espaces/assemblee',
      path: '/espaces/:slug',
      mocks: [
        {
          request: { query: SPACE_QUERY, variables: { slug: 'assemblee' } },
          result: { data: { space: assembly } },
        },
        {
          request: { query: ASSEMBLY_MEMBERS_QUERY, variables: { spaceId: 's1' } },
          result: {
            data: {
              assemblyMembers: [
                {
                  __typename: 'AssemblyMember',
                  id: 'm1',
                  userName: 'Claire Dupont',
                  position: 'PRESIDENT',
                  college: 'industriels',
                  weight: 1,
                },
                {
                  __typename: 'AssemblyMember',
                  id: 'm2',
                  userName: 'Marc Petit',
                  position: 'MEMBER',
                  college: null,
                  weight: 2,
                },
              ],
            },
          },
        },
      ],
    });
    const members = await screen.findByRole('region', { name: 'Membres' });
    expect(await within(members).findByText('Claire Dupont')).toBeInTheDocument();
    const items = within(members).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Claire Dupont — Président·e, collège industriels');
    expect(items[1]).toHaveTextContent('Marc Petit — Membre, poids 2');
  });

  it('shows "Page introuvable" when the API answers NOT_FOUND', async () => {
    renderWithProviders(<SpacePage />, {
      route: '/espaces/inconnu',
      path: '/espaces/:slug',
      mocks: [
        {
          request: { query: SPACE_QUERY, variables: { slug: 'inconnu' } },
          result: {
            errors: [
              new GraphQLError('Espace introuvable.', { extensions: { code: 'NOT_FOUND' } }),
            ],
          },
        },
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page introuvable' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('Page introuvable · Concerto');
    expect(screen.getByRole('link', { name: 'Retour à l’accueil' })).toHaveAttribute('href', '/');
  });
});
