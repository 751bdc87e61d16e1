import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anyVariables } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { CREATE_IDEA_BOX_MUTATION } from '../graphql/ideas';
import { CreateIdeaBoxForm, seedIdeasOf } from './CreateIdeaBoxForm';

describe('<CreateIdeaBoxForm>', () => {
  it('reads seed ideas one per line, without blank lines', () => {
    expect(seedIdeasOf('  Une idée \n\n Une autre\n   \n')).toEqual(['Une idée', 'Une autre']);
  });

  it('names the faulty line of the seed ideas the API refuses, focus on the error summary', async () => {
    const user = userEvent.setup();
    renderWithProviders(<CreateIdeaBoxForm componentId="c1" />, {
      mocks: [
        {
          request: {
            query: CREATE_IDEA_BOX_MUTATION,
            variables: {
              input: {
                componentId: 'c1',
                question: 'Quelle action ?',
                description: '',
                seedIdeas: ['Une idée', 'Une idée de trop'],
                published: true,
              },
            },
          },
          result: {
            errors: [
              {
                message: 'Cette idée est déjà dans la boîte.',
                extensions: { code: 'CONFLICT', field: 'seedIdeas.1' },
              },
            ],
          },
        },
      ],
    });
    await user.type(screen.getByRole('textbox', { name: 'Question' }), 'Quelle action ?');
    await user.type(
      screen.getByRole('textbox', { name: 'Idées de départ' }),
      'Une idée{Enter}Une idée de trop',
    );
    await user.click(screen.getByRole('button', { name: 'Créer la boîte à idées' }));
    const seeds = screen.getByRole('textbox', { name: 'Idées de départ' });
    await waitFor(() => expect(seeds).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(seeds).toHaveAccessibleDescription(
      expect.stringContaining('Ligne 2\u00a0: Cette idée est déjà dans la boîte.'),
    );
  });

  it('checks the question and each seed idea before sending: on their fields, focus on the summary, nothing sent', async () => {
    const user = userEvent.setup();
    const create = anyVariables(CREATE_IDEA_BOX_MUTATION, { data: null });
    renderWithProviders(<CreateIdeaBoxForm componentId="c1" />, { mocks: [create.mock] });
    await user.type(screen.getByRole('textbox', { name: 'Question' }), 'Q?');
    await user.type(screen.getByRole('textbox', { name: 'Idées de départ' }), 'Une idée{Enter}ab');
    await user.click(screen.getByRole('button', { name: 'Créer la boîte à idées' }));
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Question' })).toHaveAccessibleDescription(
      '«\u00a0Question\u00a0»\u00a0: de 3 à 300 caractères.',
    );
    const seeds = screen.getByRole('textbox', { name: 'Idées de départ' });
    expect(seeds).toHaveAttribute('aria-invalid', 'true');
    expect(seeds).toHaveAccessibleDescription(
      expect.stringContaining(
        '«\u00a0Idées de départ\u00a0», ligne 2\u00a0: de 3 à 280 caractères.',
      ),
    );
    expect(create.calls).not.toHaveBeenCalled();
  });
});
