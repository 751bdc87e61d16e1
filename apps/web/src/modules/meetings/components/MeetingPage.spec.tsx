import { RESOURCE_COMMENTS_QUERY } from '../../comments/graphql/comments';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '../../../i18n/i18n';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ME_QUERY } from '../../auth/graphql/auth';
import { COMPONENT_QUERY, COMPONENT_SPACE_QUERY } from '../../components/graphql/components';
import { MEETING_QUERY, REGISTER_FOR_MEETING_MUTATION } from '../graphql/meetings';
import { MeetingPage } from './MeetingPage';

const space = {
  __typename: 'ParticipatorySpace',
  id: 's1',
  slug: 'structuration',
  title: 'Structuration de la filière',
  type: 'PROCESS',
};
const component = {
  __typename: 'Component',
  id: 'c1',
  title: 'Rencontres',
  description: '',
  type: 'MEETINGS',
  spaceId: 's1',
  published: true,
};
const meeting = {
  __typename: 'Meeting',
  viewerReported: false,
  id: 'm1',
  componentId: 'c1',
  spaceId: 's1',
  title: 'Journée de la filière',
  description: '<p>Une journée <strong>pour tous</strong>.</p>',
  type: 'IN_PERSON',
  address: '14 avenue Duquesne, 75007 Paris',
  location: 'Ministère des Solidarités et de la Santé',
  locationHints: 'Badge à l’accueil',
  onlineUrl: null,
  hasOnlineUrl: false,
  startsAt: '2026-04-02T07:00:00.000Z',
  endsAt: '2026-04-02T09:00:00.000Z',
  state: 'UPCOMING',
  published: true,
  cancelled: false,
  cancellationReason: '',
  registrationsEnabled: true,
  capacity: 2,
  registrationsOpenAt: null,
  registrationsCloseAt: null,
  registrationsOpen: true,
  waitlistEnabled: true,
  registeredCount: 2,
  waitlistedCount: 2,
  attendedCount: 0,
  seatsLeft: 0,
  icsPath: '/calendar/meetings/m1.ics',
  path: '/espaces/structuration/f/c1/rencontres/m1',
  agenda: [
    {
      __typename: 'MeetingAgendaItem',
      id: 'a1',
      position: 0,
      title: 'Accueil',
      durationMinutes: 30,
      startsAt: '2026-04-02T07:00:00.000Z',
      endsAt: '2026-04-02T07:30:00.000Z',
      proposalIds: [],
      motionIds: [],
      links: [],
      children: [],
    },
    {
      __typename: 'MeetingAgendaItem',
      id: 'a2',
      position: 1,
      title: 'Tables rondes',
      durationMinutes: 90,
      startsAt: '2026-04-02T07:30:00.000Z',
      endsAt: '2026-04-02T09:00:00.000Z',
      proposalIds: ['p1'],
      motionIds: [],
      links: [
        {
          __typename: 'MeetingAgendaLink',
          type: 'PROPOSAL',
          id: 'p1',
          title: 'Créer un observatoire',
          path: '/espaces/structuration/f/c2/propositions/p1',
        },
      ],
      children: [
        {
          __typename: 'MeetingAgendaItem',
          id: 'a3',
          position: 0,
          title: 'Interopérabilité',
          durationMinutes: 45,
          startsAt: '2026-04-02T07:30:00.000Z',
          endsAt: '2026-04-02T08:15:00.000Z',
          proposalIds: [],
          motionIds: [],
          links: [],
          children: [],
        },
      ],
    },
  ],
  closingReport: null,
  viewerRegistration: null,
  viewerCanAdminister: false,
};
const me = {
  __typename: 'User',
  id: 'u1',
  name: 'Alice Martin',
  email: 'alice@example.org',
  isAdmin: false,
};

const mocks = (signedIn: boolean) => [
  { request: { query: ME_QUERY }, result: { data: { me: signedIn ? me : null } } },
  {
    request: { query: COMPONENT_SPACE_QUERY, variables: { slug: 'structuration' } },
    result: { data: { space } },
  },
  { request: { query: COMPONENT_QUERY, variables: { id: 'c1' } }, result: { data: { component } } },
  { request: { query: MEETING_QUERY, variables: { id: 'm1' } }, result: { data: { meeting } } },
  {
    request: {
      query: RESOURCE_COMMENTS_QUERY,
      variables: { commentableType: 'MEETING', commentableId: 'm1' },
    },
    result: {
      data: {
        comments: [
          {
            __typename: 'Comment',
            id: 'k1',
            body: '<p>Je viendrai avec mon équipe.</p>',
            authorName: 'Bruno Petit',
            createdAt: '2026-03-01T10:00:00.000Z',
            deleted: false,
            hidden: false,
            viewerIsAuthor: false,
            viewerReported: false,
          },
        ],
      },
    },
  },
  {
    request: { query: REGISTER_FOR_MEETING_MUTATION, variables: { meetingId: 'm1' } },
    result: {
      data: {
        registerForMeeting: {
          ...meeting,
          waitlistedCount: 3,
          viewerRegistration: {
            __typename: 'MeetingRegistration',
            status: 'WAITLISTED',
            code: 'K7M2QXRA',
            waitlistPosition: 3,
            attendedAt: null,
          },
        },
      },
    },
  },
];
const route = {
  route: '/espaces/structuration/f/c1/rencontres/m1',
  path: '/espaces/:slug/f/:componentId/rencontres/:meetingId',
};

describe('<MeetingPage>', () => {
  it('shows the date in Europe/Paris, the place, the agenda and the calendar link', async () => {
    renderWithProviders(<MeetingPage />, { ...route, mocks: mocks(false) });
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Journée de la filière' },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('jeudi 2 avril 2026, 09:00–11:00')).toBeInTheDocument();
    expect(
      screen.getByText('Ministère des Solidarités et de la Santé, 14 avenue Duquesne, 75007 Paris'),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Ordre du jour' })).toBeInTheDocument();
    expect(screen.getByText('(30 minutes)')).toBeInTheDocument();
    // planned times in Europe/Paris, a sub-item nested under its item, a linked proposal
    expect(screen.getByText('09:30–11:00')).toHaveAttribute('datetime', '2026-04-02T07:30:00.000Z');
    const sub = screen.getByText('Interopérabilité').closest('li')!;
    expect(sub.parentElement!.closest('li')).toHaveTextContent('Tables rondes');
    expect(sub).toHaveTextContent('09:30–10:15');
    expect(screen.getByRole('link', { name: 'Créer un observatoire' })).toHaveAttribute(
      'href',
      '/espaces/structuration/f/c2/propositions/p1',
    );
    expect(screen.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' })).toHaveAttribute(
      'href',
      '/calendar/meetings/m1.ics',
    );
    expect(screen.getByText('pour tous').tagName).toBe('STRONG');
    expect(
      screen.getByText('0 place restante sur 2 · 2 personnes en liste d’attente'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole(
        'link',
        { name: 'Connectez-vous pour vous inscrire' },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Je viendrai avec mon équipe.', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Commentaires' })).toBeInTheDocument();
  });

  it('in English, marks the French title, description, place, agenda and comments lang="fr", not the interface around them', async () => {
    await i18n.changeLanguage('en');
    try {
      const { unmount } = renderWithProviders(<MeetingPage />, { ...route, mocks: mocks(false) });
      const langOf = (element: Element) => element.closest('[lang]')?.getAttribute('lang');
      const title = await screen.findByRole(
        'heading',
        { level: 1, name: 'Journée de la filière' },
        { timeout: 5000 },
      );
      expect(title).toHaveAttribute('lang', 'fr');
      expect(langOf(screen.getByText('pour tous'))).toBe('fr');
      expect(
        langOf(
          screen.getByText(
            'Ministère des Solidarités et de la Santé, 14 avenue Duquesne, 75007 Paris',
          ),
        ),
      ).toBe('fr');
      expect(langOf(screen.getByText('Badge à l’accueil'))).toBe('fr');
      expect(langOf(screen.getByText('Interopérabilité'))).toBe('fr');
      expect(langOf(screen.getByRole('link', { name: 'Créer un observatoire' }))).toBe('fr');
      expect(langOf(screen.getByText('Structuration de la filière'))).toBe('fr');
      expect(
        langOf(await screen.findByText('Je viendrai avec mon équipe.', {}, { timeout: 5000 })),
      ).toBe('fr');
      // the interface strings around them stay English
      expect(langOf(screen.getByRole('heading', { name: 'Place and access' }))).toBe('en');
      expect(langOf(screen.getByRole('heading', { name: 'Agenda' }))).toBe('en');
      expect(langOf(screen.getByRole('link', { name: 'Add to my calendar (.ics)' }))).toBe('en');
      unmount();
    } finally {
      await i18n.changeLanguage('fr');
    }
  });

  it('shows the closing report of a past meeting', async () => {
    const closed = {
      ...meeting,
      state: 'PAST',
      closingReport: {
        __typename: 'MeetingClosingReport',
        closedAt: '2026-04-02T10:00:00.000Z',
        minutes: '<p>Riches <strong>échanges</strong>.</p>',
        attendeesCount: 42,
        contributionsCount: 1,
        videoUrl: 'https://video.example.org/journee',
        proposalIds: ['p1'],
        proposals: [
          {
            __typename: 'MeetingAgendaLink',
            type: 'PROPOSAL',
            id: 'p1',
            title: 'Créer un observatoire',
            path: '/espaces/structuration/f/c2/propositions/p1',
          },
        ],
      },
    };
    const list = mocks(false).map((m) =>
      m.request.query === MEETING_QUERY ? { ...m, result: { data: { meeting: closed } } } : m,
    );
    renderWithProviders(<MeetingPage />, { ...route, mocks: list });
    expect(
      await screen.findByRole('heading', { name: 'Compte rendu' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('échanges').tagName).toBe('STRONG');
    expect(screen.getByText('42 participant·es')).toBeInTheDocument();
    expect(screen.getByText('1 contribution')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Voir l’enregistrement vidéo' })).toHaveAttribute(
      'href',
      'https://video.example.org/journee',
    );
  });

  it('a full meeting offers the waiting list; registering shows the position and keeps the focus on the registration', async () => {
    renderWithProviders(<MeetingPage />, { ...route, mocks: mocks(true) });
    const button = await screen.findByRole(
      'button',
      { name: 'S’inscrire sur la liste d’attente' },
      { timeout: 5000 },
    );
    // a signed-in participant can report the meeting and each comment of someone else
    expect(
      screen.getByRole('button', { name: 'Signaler : Journée de la filière' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole(
        'button',
        { name: 'Signaler : le commentaire de Bruno Petit' },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    await userEvent.click(button);
    expect(
      await screen.findByText(
        'Vous êtes sur la liste d’attente, en position 3. Vous serez prévenu·e si une place se libère.',
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    // announced in the form's polite live region (other status regions — loading comments — may come first)
    const announced = await screen.findByText(
      'Il n’y a plus de place : vous êtes sur la liste d’attente.',
      {},
      { timeout: 5000 },
    );
    expect(announced.closest('[role="status"]')).not.toBeNull();
    await waitFor(
      () => expect(screen.getByRole('heading', { name: 'Inscription' })).toHaveFocus(),
      { timeout: 5000 },
    );
  });
});
