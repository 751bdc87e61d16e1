import { screen, within } from '@testing-library/react';
import { axeViolations } from '../../petitions/test/axe';
import { renderWithProviders } from '../../../test/renderWithProviders';
import {
  KEY_FIGURES_QUERY,
  PARTICIPATION_BY_TYPOLOGY_QUERY,
  STATISTICS_QUERY,
} from '../graphql/statistics';
import { KeyFiguresBlock } from './KeyFiguresBlock';
import { ParticipationByTypologyAdmin } from './ParticipationByTypologyAdmin';
import { StatisticsPage } from './StatisticsPage';

const STATS = {
  __typename: 'Statistics',
  asOf: '2026-03-20T09:30:00Z',
  spaceId: null,
  figures: [
    { __typename: 'KeyFigure', key: 'members', total: 1234, weekly: [] },
    {
      __typename: 'KeyFigure',
      key: 'proposals',
      total: 3,
      weekly: [
        { __typename: 'WeeklyCount', week: '2026-03-02', count: 2 },
        { __typename: 'WeeklyCount', week: '2026-03-09', count: 1 },
      ],
    },
    { __typename: 'KeyFigure', key: 'supports', total: 1, weekly: [] },
    { __typename: 'KeyFigure', key: 'comments', total: 0, weekly: [] },
  ],
  organisationsByTypology: [
    {
      __typename: 'TypologyCount',
      typologyKey: 'hospital',
      label: 'Hôpital',
      members: 2,
      organisations: 1,
    },
    {
      __typename: 'TypologyCount',
      typologyKey: null,
      label: null,
      members: 5,
      organisations: 0,
    },
  ],
};

/** French grouping: a narrow no-break space between thousands. */
const NNBSP = '\u202f';

describe('key figures (« Chiffres clés »)', () => {
  it('/chiffres-cles: totals in French (grouping, plurals), a chart and a table per figure, typologies; no axe violation', async () => {
    renderWithProviders(<StatisticsPage />, {
      mocks: [
        {
          request: { query: STATISTICS_QUERY, variables: { spaceId: null } },
          result: { data: { statistics: STATS } },
        },
      ],
    });
    const list = await screen.findByRole('list', { name: 'Chiffres clés' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([`1${NNBSP}234 membres`, '3 propositions', '1 soutien', '0 commentaire']);
    expect(screen.getByText(/^Chiffres au 20 mars 2026/)).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Propositions par semaine (semaines commençant le lundi)',
    });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual(['2 mars 20262', '9 mars 20261']);
    expect(screen.getByRole('heading', { name: 'Soutiens par semaine' })).toBeInTheDocument();
    const typologies = screen.getByRole('table', {
      name: 'Membres et organisations par typologie de profil',
    });
    expect(
      within(typologies).getByRole('rowheader', { name: 'Sans typologie' }),
    ).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('home block: totals, the « au … » stamp and the link to the page', async () => {
    renderWithProviders(<KeyFiguresBlock />, {
      mocks: [
        {
          request: { query: KEY_FIGURES_QUERY, variables: { spaceId: null } },
          result: {
            data: {
              statistics: {
                __typename: 'Statistics',
                asOf: STATS.asOf,
                spaceId: null,
                figures: STATS.figures.map(({ key, total }) => ({
                  __typename: 'KeyFigure',
                  key,
                  total,
                })),
              },
            },
          },
        },
      ],
    });
    expect(await screen.findByRole('heading', { name: 'Chiffres clés' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tous les chiffres clés' })).toHaveAttribute(
      'href',
      '/chiffres-cles',
    );
    expect(await axeViolations(screen.getByRole('region', { name: 'Chiffres clés' }))).toEqual([]);
  });

  it('space admin: participants per typology vs members, with shares', async () => {
    renderWithProviders(<ParticipationByTypologyAdmin spaceId="s1" />, {
      mocks: [
        {
          request: { query: PARTICIPATION_BY_TYPOLOGY_QUERY, variables: { spaceId: 's1' } },
          result: {
            data: {
              participationByTypology: {
                __typename: 'ParticipationByTypology',
                asOf: STATS.asOf,
                spaceId: 's1',
                participants: 4,
                members: 1000,
                typologies: [
                  {
                    __typename: 'TypologyParticipation',
                    typologyKey: 'hospital',
                    label: 'Hôpital',
                    participants: 3,
                    members: 250,
                  },
                  {
                    __typename: 'TypologyParticipation',
                    typologyKey: null,
                    label: null,
                    participants: 1,
                    members: 750,
                  },
                ],
              },
            },
          },
        },
      ],
    });
    const table = await screen.findByRole('table', {
      name: 'Participants de l’espace et membres de la plateforme par typologie',
    });
    const hospital = within(table).getByRole('row', { name: /^Hôpital/ });
    expect(
      within(hospital)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', `75\u00a0%`, '250', `25\u00a0%`]);
    expect(screen.getByText('4 participants sur 1 000 membres.')).toBeInTheDocument();
    expect(
      await axeViolations(screen.getByRole('region', { name: 'Participation par typologie' })),
    ).toEqual([]);
  });
});
