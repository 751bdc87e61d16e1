import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { anyVariables } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { CREATE_AMENDMENT_MUTATION } from '../graphql/texts';
import { AmendmentForm } from './ArticlePanel';

describe('<AmendmentForm>', () => {
  it('checks the title before sending: on its field, focus on the summary, nothing sent', async () => {
    const create = anyVariables(CREATE_AMENDMENT_MUTATION, { data: null });
    renderWithProviders(<AmendmentForm articleId="a1" currentBody="Texte actuel." number={3} />, {
      mocks: [create.mock],
    });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Titre de l’amendement' }), 'Court');
    await user.click(screen.getByRole('button', { name: 'Proposer l’amendement' }));
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(
      screen.getByRole('textbox', { name: 'Titre de l’amendement' }),
    ).toHaveAccessibleDescription(
      expect.stringContaining('«\u00a0Titre de l’amendement\u00a0»\u00a0: de 15 à 150 caractères.'),
    );
    expect(create.calls).not.toHaveBeenCalled();
  });

  it('shows an unchanged text, refused by the API, on the text field', async () => {
    const create = anyVariables(CREATE_AMENDMENT_MUTATION, {
      errors: [
        new GraphQLError('L’amendement ne change rien au texte actuel.', {
          extensions: { code: 'BAD_USER_INPUT', field: 'body' },
        }),
      ],
    });
    renderWithProviders(<AmendmentForm articleId="a1" currentBody="Texte actuel." number={3} />, {
      mocks: [create.mock],
    });
    const user = userEvent.setup();
    await user.type(
      screen.getByRole('textbox', { name: 'Titre de l’amendement' }),
      'Préciser le calendrier',
    );
    await user.click(screen.getByRole('button', { name: 'Proposer l’amendement' }));
    await waitFor(() =>
      expect(
        screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' }),
      ).toHaveTextContent('L’amendement ne change rien au texte actuel.'),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(create.calls).toHaveBeenCalledTimes(1);
  });
});
