import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { CREATE_IDEA_BOX_MUTATION } from '../graphql/ideas';
import { CreateIdeaBoxForm, seedIdeasOf } from './CreateIdeaBoxForm';

describe('<CreateIdeaBoxForm>', () => {
  it('reads seed ideas one per line, without blank lines', () => {
    expect(seedIdeasOf('  Une idée \n\n Une autre\n   \n')).toEqual(['Une idée', 'Une autre']);
  });

  it('names the faulty line of the seed ideas and puts focus there', async () => {
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
                seedIdeas: ['Une idée', 'ab'],
                published: true,
              },
            },
          },
          result: {
            errors: [
              {
                message: 'Une idée fait au moins 3 caractères.',
                extensions: { code: 'BAD_USER_INPUT', field: 'input.seedIdeas.1' },
              },
            ],
          },
        },
      ],
    });
    await user.type(screen.getByRole('textbox', { name: 'Question' }), 'Quelle action ?');
    await user.type(screen.getByRole('textbox', { name: 'Idées de départ' }), 'Une idée{Enter}ab');
    await user.click(screen.getByRole('button', { name: 'Créer la boîte à idées' }));
    const seeds = screen.getByRole('textbox', { name: 'Idées de départ' });
    await waitFor(() => expect(seeds).toHaveAttribute('aria-invalid', 'true'));
    expect(seeds).toHaveFocus();
    expect(seeds).toHaveAccessibleDescription(
      expect.stringContaining('Ligne 2\u00a0: Une idée fait au moins 3 caractères.'),
    );
  });
});
