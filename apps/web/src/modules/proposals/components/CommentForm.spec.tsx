import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { GraphQLError } from 'graphql';
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

  it('refuses an empty comment before sending anything', async () => {
    const onDone = vi.fn();
    renderWithProviders(
      <CommentForm proposalId="p1" label="Ajouter un commentaire" onDone={onDone} />,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Publier le commentaire' }));
    expect(screen.getByRole('textbox', { name: 'Votre commentaire' })).toHaveAccessibleDescription(
      'Le commentaire est vide.',
    );
    expect(onDone).not.toHaveBeenCalled();
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
