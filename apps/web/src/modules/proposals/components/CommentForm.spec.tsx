import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { GraphQLError } from 'graphql';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ADD_COMMENT_MUTATION } from '../graphql/proposals';
import { CommentForm } from './CommentForm';

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
                  body: 'Je ne suis pas convaincu.',
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
    await user.type(
      screen.getByRole('textbox', { name: 'Votre commentaire' }),
      'Je ne suis pas convaincu.',
    );
    await user.click(screen.getByRole('radio', { name: 'Contre' }));
    await user.click(screen.getByRole('button', { name: 'Publier le commentaire' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(screen.getByRole('textbox', { name: 'Votre commentaire' })).toHaveValue('');
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
                body: 'Réponse',
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
    await user.type(screen.getByRole('textbox', { name: 'Votre réponse' }), 'Réponse');
    await user.click(screen.getByRole('button', { name: 'Publier la réponse' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Les réponses s’arrêtent au troisième niveau.',
    );
  });
});
