import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { typeRich } from '../../../test/rich-text';
import { ME_QUERY } from '../../auth/graphql/auth';
import { ADD_TEXT_COMMENT_MUTATION, TEXT_COMMENTS_QUERY } from '../graphql/texts';
import { ArticleComments } from './ArticleComments';

const mocks = (add: ReturnType<typeof anyVariables>) => [
  {
    request: { query: ME_QUERY },
    result: {
      data: {
        me: { __typename: 'User', id: 'u1', name: 'Alice', email: 'a@example.org', isAdmin: false },
      },
    },
    maxUsageCount: 5,
  },
  {
    request: {
      query: TEXT_COMMENTS_QUERY,
      variables: { commentableType: 'ARTICLE', commentableId: 'a1' },
    },
    result: { data: { comments: [] } },
    maxUsageCount: 5,
  },
  add.mock,
];

describe('<ArticleComments>', () => {
  it('sends nothing for an empty comment, and shows one the API refuses on the field', async () => {
    const add = anyVariables(
      ADD_TEXT_COMMENT_MUTATION,
      refusedFields(['body', '5000 caractères au plus.']),
    );
    renderWithProviders(<ArticleComments articleId="a1" number={3} />, { mocks: mocks(add) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Commenter' }));
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(add.calls).not.toHaveBeenCalled();

    const box = await typeRich(user, 'Votre commentaire', 'Article clair.');
    await user.click(screen.getByRole('button', { name: 'Commenter' }));
    await waitFor(() =>
      expect(box).toHaveAccessibleDescription(
        expect.stringContaining('«\u00a0Votre commentaire\u00a0»\u00a0: 5000 caractères au plus.'),
      ),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(add.calls).toHaveBeenCalledTimes(1);
  });
});
