import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { SPACES_QUERY, SURVEYS_QUERY } from '../graphql/spaces';
import { SpaceListPage } from './SpaceListPage';
import { SurveyListPage } from './SurveyListPage';

describe('<SpaceListPage>', () => {
  it('shows the processes as cards with their active phase and the Démo badge', async () => {
    renderWithProviders(<SpaceListPage type="PROCESS" />, {
      mocks: [
        {
          request: { query: SPACES_QUERY, variables: { type: 'PROCESS' } },
          result: {
            data: {
              spaces: [
                {
                  __typename: 'ParticipatorySpace',
                  id: 's1',
                  slug: 'structuration',
                  title: 'Structuration de la filière',
                  subtitle: 'Faire filière',
                  type: 'PROCESS',
                  isDemo: true,
                  published: true,
                  phases: [
                    { __typename: 'SpacePhase', id: 'p1', title: 'Diagnostic', active: false },
                    { __typename: 'SpacePhase', id: 'p2', title: 'Co-rédaction', active: true },
                  ],
                },
                {
                  __typename: 'ParticipatorySpace',
                  id: 's2',
                  slug: 'autre',
                  title: 'Autre concertation',
                  subtitle: '',
                  type: 'PROCESS',
                  isDemo: false,
                  published: true,
                  phases: [],
                },
              ],
            },
          },
        },
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Concertations' }),
    ).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: 'Structuration de la filière' });
    expect(link).toHaveAttribute('href', '/espaces/structuration');
    const [first, second] = screen.getAllByRole('article');
    expect(within(first).getByText('Démo')).toBeInTheDocument();
    expect(first).toHaveTextContent('Faire filière');
    expect(first).toHaveTextContent('Phase en cours : Co-rédaction');
    expect(within(second).queryByText('Démo')).not.toBeInTheDocument();
    expect(second).toHaveTextContent('Aucune phase en cours');
  });
});

describe('<SurveyListPage>', () => {
  it('shows each survey with its space, status, Paris dates and question count', async () => {
    renderWithProviders(<SurveyListPage />, {
      mocks: [
        {
          request: { query: SURVEYS_QUERY },
          result: {
            data: {
              surveys: [
                {
                  __typename: 'SurveySummary',
                  id: 'q1',
                  componentId: 'c9',
                  title: 'Enquête de février 2021',
                  open: true,
                  opensAt: '2026-11-01T08:00:00Z',
                  closesAt: '2027-02-28T22:00:00Z',
                  questionCount: 12,
                  spaceSlug: 'structuration',
                  spaceTitle: 'Structuration de la filière',
                },
              ],
            },
          },
        },
      ],
    });
    const link = await screen.findByRole('link', { name: 'Enquête de février 2021' });
    expect(link).toHaveAttribute('href', '/espaces/structuration/f/c9');
    const card = screen.getByRole('article');
    expect(card).toHaveTextContent('Espace : Structuration de la filière');
    expect(card).toHaveTextContent('Ouverte');
    expect(card).toHaveTextContent('Du 1er novembre 2026 à 09:00 au 28 février 2027 à 23:00');
    expect(card).toHaveTextContent('12 questions');
    expect(within(card).getAllByText(/2026|2027/).length).toBeGreaterThan(0);
    expect(card.querySelector('time[datetime="2026-11-01T08:00:00Z"]')).not.toBeNull();
  });
});
