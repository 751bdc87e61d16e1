import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { MEETINGS_QUERY } from '../graphql/meetings';
import { MeetingList } from './MeetingList';

const base = {
  __typename: 'Meeting',
  componentId: 'c1',
  spaceId: 's1',
  description: '',
  address: '14 avenue Duquesne, 75007 Paris',
  location: 'Ministère',
  locationHints: '',
  onlineUrl: null,
  hasOnlineUrl: false,
  published: true,
  cancelled: false,
  cancellationReason: '',
  registrationsEnabled: true,
  capacity: 0,
  registrationsOpenAt: null,
  registrationsCloseAt: null,
  registrationsOpen: true,
  waitlistEnabled: true,
  registeredCount: 1,
  waitlistedCount: 0,
  attendedCount: 0,
  seatsLeft: null,
  agenda: [],
  closingReport: null,
  viewerRegistration: null,
  viewerCanAdminister: false,
};
const meetings = [
  {
    ...base,
    id: 'm1',
    title: 'Journée de la filière',
    type: 'IN_PERSON',
    state: 'UPCOMING',
    startsAt: '2026-04-02T07:00:00.000Z',
    endsAt: '2026-04-02T09:00:00.000Z',
    icsPath: '/calendar/meetings/m1.ics',
    path: '/espaces/structuration/f/c1/rencontres/m1',
  },
  {
    ...base,
    id: 'm0',
    title: 'Webinaire de lancement',
    type: 'ONLINE',
    state: 'PAST',
    startsAt: '2025-12-01T08:00:00.000Z',
    endsAt: '2025-12-01T09:00:00.000Z',
    icsPath: '/calendar/meetings/m0.ics',
    path: '/espaces/structuration/f/c1/rencontres/m0',
  },
];

describe('<MeetingList>', () => {
  it('shows upcoming and past meetings as cards dated in Paris time, and the space’s calendar feed', async () => {
    renderWithProviders(<MeetingList componentId="c1" />, {
      route: '/espaces/structuration/f/c1',
      path: '/espaces/:slug/f/:componentId',
      mocks: [
        {
          request: { query: MEETINGS_QUERY, variables: { componentId: 'c1' } },
          result: { data: { meetings } },
        },
      ],
    });
    expect(
      await screen.findByRole(
        'heading',
        { level: 2, name: 'Rencontres à venir' },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Journée de la filière' })).toHaveAttribute(
      'href',
      '/espaces/structuration/f/c1/rencontres/m1',
    );
    expect(screen.getByText('jeudi 2 avril 2026, 09:00–11:00')).toBeInTheDocument();
    expect(screen.getByText('lundi 1er décembre 2025, 09:00–10:00')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: 'Rencontres passées' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('1 personne inscrite', { selector: '.card__meta' })).toHaveLength(2);
    expect(
      screen.getByRole('link', {
        name: 'S’abonner à l’agenda des rencontres de cet espace (.ics)',
      }),
    ).toHaveAttribute('href', '/calendar/spaces/s1.ics');
  });
});
