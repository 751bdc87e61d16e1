import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ADD_DEBATE_STATEMENT_MUTATION } from '../graphql/debates';
import { AddStatementForm } from './AddStatementForm';

describe('<AddStatementForm>', () => {
  it('sends nothing for a blank statement, and shows a statement the API refuses on the field', async () => {
    const add = anyVariables(
      ADD_DEBATE_STATEMENT_MUTATION,
      refusedFields(['body', '280 caractères au plus.']),
    );
    renderWithProviders(<AddStatementForm debateId="d1" moderated={false} />, {
      mocks: [add.mock],
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Proposer' }));
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(add.calls).not.toHaveBeenCalled();

    const field = screen.getByRole('textbox', { name: 'Votre affirmation' });
    await user.type(field, 'La filière manque de bras.');
    await user.click(screen.getByRole('button', { name: 'Proposer' }));
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        expect.stringContaining('«\u00a0Votre affirmation\u00a0»\u00a0: 280 caractères au plus.'),
      ),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(add.calls).toHaveBeenCalledTimes(1);
    expect(document.body).not.toHaveTextContent(/body :|Détails/);
  });
});
