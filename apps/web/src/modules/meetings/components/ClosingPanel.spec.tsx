import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { anyVariables } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { typeRich } from '../../../test/rich-text';
import { CLOSE_MEETING_MUTATION, type Meeting } from '../graphql/meetings';
import { ClosingPanel } from './MeetingsAdminPage';

const meeting = {
  id: 'm1',
  title: 'Journée de la filière',
  state: 'PAST',
  published: true,
  cancelled: false,
  attendedCount: 12,
  closingReport: null,
} as unknown as Meeting;
const input = (videoUrl: string | null) => ({
  minutes: '<p>Riches échanges.</p>',
  attendeesCount: 12,
  contributionsCount: 4,
  videoUrl,
  proposalIds: [],
});

describe('<ClosingPanel>', () => {
  it('checks the report before sending: an empty report and an http link are said on their fields, focus on the summary, nothing sent', async () => {
    const close = anyVariables(CLOSE_MEETING_MUTATION, { data: { closeMeeting: null } });
    renderWithProviders(<ClosingPanel meeting={meeting} />, { mocks: [close.mock] });
    const video = screen.getByRole('textbox', { name: /Lien vers l’enregistrement vidéo/ });
    await userEvent.type(video, 'http://video.example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Clore la rencontre' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    expect(screen.getByRole('textbox', { name: /^Compte rendu/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(video).toHaveAttribute('aria-invalid', 'true');
    expect(video).toHaveAccessibleDescription(/une adresse https/);
    expect(close.calls).not.toHaveBeenCalled();
  });

  it('shows a field the API refuses on that field, focus on the summary, then closes the meeting', async () => {
    const mocks = [
      {
        request: {
          query: CLOSE_MEETING_MUTATION,
          variables: { meetingId: 'm1', input: input('https://video.example.org') },
        },
        result: {
          errors: [
            new GraphQLError('Le lien vers la vidéo doit être une adresse https valide.', {
              extensions: { code: 'BAD_USER_INPUT', field: 'videoUrl' },
            }),
          ],
        },
      },
      {
        request: {
          query: CLOSE_MEETING_MUTATION,
          variables: { meetingId: 'm1', input: input('https://video.example.org') },
        },
        result: { data: { closeMeeting: null } },
      },
    ];
    renderWithProviders(<ClosingPanel meeting={meeting} />, { mocks });
    expect(screen.getByRole('spinbutton', { name: 'Nombre de participant·es' })).toHaveValue(12);
    await typeRich(userEvent, /^Compte rendu/, 'Riches échanges.');
    await userEvent.type(
      screen.getByRole('spinbutton', { name: 'Nombre de contributions' }),
      '{Backspace}4',
    );
    const video = screen.getByRole('textbox', { name: /Lien vers l’enregistrement vidéo/ });
    await userEvent.type(video, 'https://video.example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Clore la rencontre' }));
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(video).toHaveAttribute('aria-invalid', 'true');
    expect(video).toHaveAccessibleDescription(/adresse https valide/);
    expect(screen.queryByText('Détails :')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clore la rencontre' }));
    // Testing Library's matcher folds the narrow no-break space into a space
    expect(
      await screen.findByText(
        'Rencontre close ; les personnes inscrites et abonnées sont prévenues.',
      ),
    ).toBeInTheDocument();
    expect(video).not.toHaveAttribute('aria-invalid');
  });
});
