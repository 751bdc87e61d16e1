import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { COMPONENT_QUERY, COMPONENT_SPACE_QUERY, SURVEY_QUERY } from '../graphql/components';
import { ComponentPage } from './ComponentPage';

const space = {
  __typename: 'ParticipatorySpace',
  id: 's1',
  slug: 'structuration',
  title: 'Structuration de la filière',
  type: 'PROCESS',
};

function mocksFor(type: string, extra: MockLink.MockedResponse): MockLink.MockedResponse[] {
  return [
    {
      request: { query: COMPONENT_SPACE_QUERY, variables: { slug: 'structuration' } },
      result: { data: { space } },
    },
    {
      request: { query: COMPONENT_QUERY, variables: { id: 'c1' } },
      result: {
        data: {
          component: {
            __typename: 'Component',
            id: 'c1',
            title: 'Ma fonctionnalité',
            description: '',
            type,
            spaceId: 's1',
            published: true,
          },
        },
      },
    },
    extra,
  ];
}

const route = { route: '/espaces/structuration/f/c1', path: '/espaces/:slug/f/:componentId' };

describe('<ComponentPage>', () => {
  it('shows a survey read-only: sections, questions, options, scale labels when the answering state is not available', async () => {
    const survey = {
      __typename: 'Survey',
      id: 'q1',
      title: 'Enquête',
      description: '',
      open: false,
      opensAt: null,
      closesAt: null,
      questions: [
        {
          __typename: 'SurveyQuestion',
          id: 'a',
          position: 0,
          section: 'Typologie des répondants',
          body: 'À quelle catégorie appartenez-vous ?',
          description: null,
          type: 'SINGLE_OPTION',
          mandatory: true,
          options: [
            {
              __typename: 'SurveyQuestionOption',
              id: 'o2',
              body: 'Hôpital',
              position: 1,
              freeText: false,
            },
            {
              __typename: 'SurveyQuestionOption',
              id: 'o1',
              body: 'Entreprise',
              position: 0,
              freeText: false,
            },
          ],
          scale: null,
        },
        {
          __typename: 'SurveyQuestion',
          id: 'b',
          position: 1,
          section: 'Axe 1',
          body: 'L’utilité de l’IA passe par sa compréhension.',
          description: null,
          type: 'SCALE',
          mandatory: false,
          options: [],
          scale: {
            __typename: 'SurveyScale',
            points: 4,
            labels: [
              'pas du tout d’accord',
              'plutôt pas d’accord',
              'd’accord',
              'tout à fait d’accord',
            ],
          },
        },
      ],
    };
    renderWithProviders(<ComponentPage />, {
      ...route,
      mocks: mocksFor('SURVEY', {
        request: { query: SURVEY_QUERY, variables: { componentId: 'c1' } },
        result: { data: { survey } },
      }),
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Ma fonctionnalité' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Fermée')).toBeInTheDocument();
    expect(screen.getByText('Fermée')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: 'Typologie des répondants' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 3, name: 'À quelle catégorie appartenez-vous ?' }),
    ).toBeInTheDocument();
    const axis = screen.getByRole('region', { name: 'Axe 1' });
    const scaleItems = within(axis)
      .getAllByRole('listitem')
      .filter((item) => item.closest('.question__scale'));
    expect(scaleItems.map((item) => item.textContent)).toEqual([
      '1 pas du tout d’accord',
      '2 plutôt pas d’accord',
      '3 d’accord',
      '4 tout à fait d’accord',
    ]);
    const typology = screen.getByRole('region', { name: 'Typologie des répondants' });
    expect(
      within(typology)
        .getByText('Entreprise')
        .compareDocumentPosition(within(typology).getByText('Hôpital')),
    ).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(
      within(screen.getByRole('navigation', { name: 'Fil d’Ariane' })).getByRole('link', {
        name: 'Structuration de la filière',
      }),
    ).toHaveAttribute('href', '/espaces/structuration');
  });
});
