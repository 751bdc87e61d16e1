import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test/renderWithProviders';
import {
  MY_MEETING_CALENDAR_FEED_QUERY,
  REVOKE_MEETING_CALENDAR_FEED_MUTATION,
  ROTATE_MEETING_CALENDAR_FEED_MUTATION,
} from '../graphql/meetings';
import { MeetingCalendarFeed } from './MeetingCalendarFeed';

const url = 'http://localhost:3000/calendar/feeds/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE.ics';
const feed = { __typename: 'MeetingCalendarFeed', createdAt: '2026-04-02T07:00:00.000Z' };

describe('<MeetingCalendarFeed>', () => {
  it('makes the private feed, shows its URL once, focused and ready to copy; revoking keeps the focus on the section', async () => {
    const mocks = [
      {
        request: { query: MY_MEETING_CALENDAR_FEED_QUERY },
        result: { data: { myMeetingCalendarFeed: null } },
      },
      {
        request: { query: ROTATE_MEETING_CALENDAR_FEED_MUTATION },
        result: {
          data: {
            rotateMeetingCalendarFeed: {
              __typename: 'MeetingCalendarFeedSecret',
              url,
              createdAt: feed.createdAt,
            },
          },
        },
      },
      {
        request: { query: MY_MEETING_CALENDAR_FEED_QUERY },
        result: { data: { myMeetingCalendarFeed: feed } },
      },
      {
        request: { query: REVOKE_MEETING_CALENDAR_FEED_MUTATION },
        result: { data: { revokeMeetingCalendarFeed: true } },
      },
      {
        request: { query: MY_MEETING_CALENDAR_FEED_QUERY },
        result: { data: { myMeetingCalendarFeed: null } },
      },
    ];
    renderWithProviders(<MeetingCalendarFeed />, { mocks });
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Créer mon lien d’agenda privé' },
        { timeout: 5000 },
      ),
    );
    const field = await screen.findByRole(
      'textbox',
      { name: 'Lien de votre agenda privé' },
      { timeout: 5000 },
    );
    expect(field).toHaveValue(url);
    await waitFor(() => expect(field).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Copier le lien' })).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Révoquer le lien' }));
    const dialog = await screen.findByRole('alertdialog', {}, { timeout: 5000 });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Révoquer le lien' }));
    expect(await screen.findByText('Lien révoqué.', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Lien de votre agenda privé' })).toBeNull();
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { name: 'Agenda privé de mes inscriptions' }),
      ).toHaveFocus(),
    );
  });
});
