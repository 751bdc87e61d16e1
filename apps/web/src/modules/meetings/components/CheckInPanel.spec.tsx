import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { anyVariables } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import {
  MARK_ATTENDANCE_MUTATION,
  MEETING_ATTENDEES_QUERY,
  type Meeting,
} from '../graphql/meetings';
import { CheckInPanel } from './MeetingsAdminPage';

const meeting = { id: 'm1', title: 'Journée de la filière' } as unknown as Meeting;
const attendees = {
  request: { query: MEETING_ATTENDEES_QUERY, variables: { meetingId: 'm1' } },
  result: { data: { meetingAttendees: [] } },
  maxUsageCount: 5,
};

describe('<CheckInPanel>', () => {
  it('checks the code before sending: said on the field, focus on the summary, nothing sent', async () => {
    const mark = anyVariables(MARK_ATTENDANCE_MUTATION, { data: null });
    renderWithProviders(<CheckInPanel meeting={meeting} />, { mocks: [attendees, mark.mock] });
    const user = userEvent.setup();
    const code = screen.getByLabelText('Code de présence');
    await user.type(code, 'ABC');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la présence' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveAccessibleDescription(
      expect.stringContaining(
        '«\u00a0Code de présence\u00a0»\u00a0: les 8 caractères du code (lettres et chiffres).',
      ),
    );
    expect(mark.calls).not.toHaveBeenCalled();
  });

  it('says an unknown code on the field, not only in an alert', async () => {
    const mark = anyVariables(MARK_ATTENDANCE_MUTATION, {
      errors: [
        new GraphQLError('Aucune inscription avec ce code pour cette rencontre.', {
          extensions: { code: 'BAD_USER_INPUT', field: 'code' },
        }),
      ],
    });
    renderWithProviders(<CheckInPanel meeting={meeting} />, { mocks: [attendees, mark.mock] });
    const user = userEvent.setup();
    const code = screen.getByLabelText('Code de présence');
    await user.type(code, 'abcd efgh');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la présence' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(code).toHaveAccessibleDescription(
      expect.stringContaining('Aucune inscription avec ce code pour cette rencontre.'),
    );
    expect(mark.calls).toHaveBeenCalledTimes(1);
  });
});
