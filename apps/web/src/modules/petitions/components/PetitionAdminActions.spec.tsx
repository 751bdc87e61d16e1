import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { typeRich } from '../../../test/rich-text';
import {
  ANSWER_PETITION_MUTATION,
  DISCARD_PETITION_MUTATION,
  type Petition,
} from '../graphql/petitions';
import { PetitionAdminActions } from './PetitionAdminActions';

const petition = (state: string) =>
  ({
    id: 'p1',
    title: 'Un guichet unique',
    state,
    type: { periodDays: 90, secondStage: null, secondStageUrl: null },
  }) as unknown as Petition;

describe('<PetitionAdminActions>', () => {
  it('discarding needs a reason: said on the field, focus on the summary, nothing sent', async () => {
    const discard = anyVariables(DISCARD_PETITION_MUTATION, { data: null });
    renderWithProviders(<PetitionAdminActions petition={petition('VALIDATING')} />, {
      mocks: [discard.mock],
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Écarter la pétition' }));
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Motif du refus' })).toHaveAccessibleDescription(
      'Renseignez le champ «\u00a0Motif du refus\u00a0».',
    );
    expect(discard.calls).not.toHaveBeenCalled();
  });

  it('an answer: a malformed link is said before sending, a refused answer lands on its field', async () => {
    const answer = anyVariables(
      ANSWER_PETITION_MUTATION,
      refusedFields(['answer', '10000 caractères au plus.']),
    );
    renderWithProviders(<PetitionAdminActions petition={petition('ACCEPTED')} />, {
      mocks: [answer.mock],
    });
    const user = userEvent.setup();
    await typeRich(user, 'Réponse officielle', 'Nous ouvrons un guichet.');
    const link = screen.getByRole('textbox', { name: 'Lien vers la suite donnée (facultatif)' });
    await user.type(link, 'http://exemple.fr');
    await user.click(screen.getByRole('button', { name: 'Publier la réponse' }));
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(link).toHaveAttribute('aria-invalid', 'true');
    expect(answer.calls).not.toHaveBeenCalled();

    await user.clear(link);
    await user.click(screen.getByRole('button', { name: 'Publier la réponse' }));
    await waitFor(() =>
      expect(
        screen.getByRole('textbox', { name: 'Réponse officielle' }),
      ).toHaveAccessibleDescription(
        expect.stringContaining(
          '«\u00a0Réponse officielle\u00a0»\u00a0: 10000 caractères au plus.',
        ),
      ),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(answer.calls).toHaveBeenCalledTimes(1);
  });
});
