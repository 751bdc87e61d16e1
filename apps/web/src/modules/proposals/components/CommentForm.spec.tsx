import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { GraphQLError } from 'graphql';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ADD_COMMENT_MUTATION } from '../graphql/proposals';
import { typeRich, withEditorLayout } from '../../../test/rich-text';
import { CommentForm } from './CommentForm';

withEditorLayout();

describe('<CommentForm>', () => {
  it('asks the alignment (Pour / Contre / Neutre, Neutre by default) for a top-level comment', () => {
    renderWithProviders(<CommentForm proposalId="p1" label="Ajouter un commentaire" />);
    const group = screen.getByRole('group', { name: 'Votre position' });
    expect(group).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Neutre' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Pour' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Contre' })).not.toBeChecked();
  });

  it('refuses an empty comment before sending anything, focus on the error summary', async () => {
    const onDone = vi.fn();
    const add = anyVariables(ADD_COMMENT_MUTATION, {
      data: { addComment: { __typename: 'Comment', id: 'c9' } },
    });
    renderWithProviders(
      <CommentForm proposalId="p1" label="Ajouter un commentaire" onDone={onDone} />,
      { mocks: [add.mock] },
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Publier le commentaire' }));
    const box = screen.getByRole('textbox', { name: 'Votre commentaire' });
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription('Le commentaire est vide.');
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(add.calls).not.toHaveBeenCalled();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('shows a body the API refuses on its field, without its input key', async () => {
    const add = anyVariables(
      ADD_COMMENT_MUTATION,
      refusedFields(['body', '5000 caractères au plus.']),
    );
    renderWithProviders(<CommentForm proposalId="p1" label="Ajouter un commentaire" />, {
      mocks: [add.mock],
    });
    const user = userEvent.setup();
    await typeRich(user, 'Votre commentaire', 'Un avis');
    await user.click(screen.getByRole('button', { name: 'Publier le commentaire' }));
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Votre commentaire' })).toHaveAccessibleDescription(
      '«\u00a0Votre commentaire\u00a0»\u00a0: 5000 caractères au plus.',
    );
    expect(document.body).not.toHaveTextContent(/body :|Détails/);
  });

  it('sends the body and the chosen alignment, then clears the form', async () => {
    const onDone = vi.fn();
    renderWithProviders(
      <CommentForm proposalId="p1" label="Ajouter un commentaire" onDone={onDone} />,
      {
        mocks: [
          {
            request: {
              query: ADD_COMMENT_MUTATION,
              variables: {
                input: {
                  commentableType: 'PROPOSAL',
                  commentableId: 'p1',
                  body: '<p>Je ne suis pas convaincu.</p>',
                  alignment: 'AGAINST',
                  parentId: null,
                },
              },
            },
            result: { data: { addComment: { __typename: 'Comment', id: 'c9' } } },
          },
        ],
      },
    );
    const user = userEvent.setup();
    const box = await typeRich(user, 'Votre commentaire', 'Je ne suis pas convaincu.');
    await user.click(screen.getByRole('radio', { name: 'Contre' }));
    await user.click(screen.getByRole('button', { name: 'Publier le commentaire' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    await waitFor(() => expect(box.textContent).toBe(''));
    expect(screen.getByText('Votre commentaire est publié.')).toBeInTheDocument();
  });

  it('answers a comment without asking the alignment, and shows a refusal', async () => {
    renderWithProviders(<CommentForm proposalId="p1" parentId="c1" label="Répondre à Marc" />, {
      mocks: [
        {
          request: {
            query: ADD_COMMENT_MUTATION,
            variables: {
              input: {
                commentableType: 'PROPOSAL',
                commentableId: 'p1',
                body: '<p>Réponse</p>',
                alignment: 'NEUTRAL',
                parentId: 'c1',
              },
            },
          },
          result: {
            errors: [
              new GraphQLError('Les réponses s’arrêtent au troisième niveau.', {
                extensions: { code: 'BAD_USER_INPUT', field: 'parentId' },
              }),
            ],
          },
        },
      ],
    });
    expect(screen.queryByRole('group', { name: 'Votre position' })).not.toBeInTheDocument();
    const user = userEvent.setup();
    await typeRich(user, 'Votre réponse', 'Réponse');
    await user.click(screen.getByRole('button', { name: 'Publier la réponse' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Les réponses s’arrêtent au troisième niveau.',
    );
  });
});
