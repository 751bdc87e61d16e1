import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { typeRich } from '../../../test/rich-text';
import { ME_QUERY } from '../../auth/graphql/auth';
import { ADD_RESOURCE_COMMENT_MUTATION, RESOURCE_COMMENTS_QUERY } from '../graphql/comments';
import { ResourceComments } from './ResourceComments';

const strings = {
  heading: 'Commentaires',
  anonymous: 'Participant·e',
  hidden: 'Commentaire masqué.',
  none: 'Aucun commentaire.',
  label: 'Votre commentaire',
  add: 'Commenter',
  added: 'Commentaire ajouté.',
  signIn: 'Connectez-vous pour commenter.',
};
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
      query: RESOURCE_COMMENTS_QUERY,
      variables: { commentableType: 'MEETING', commentableId: 'm1' },
    },
    result: { data: { comments: [] } },
    maxUsageCount: 5,
  },
  add.mock,
];

describe('<ResourceComments>', () => {
  it('sends nothing for an empty comment: said on the field, focus on the summary', async () => {
    const add = anyVariables(ADD_RESOURCE_COMMENT_MUTATION, { data: null });
    renderWithProviders(
      <ResourceComments
        commentableType="MEETING"
        commentableId="m1"
        headingId="meeting-comments"
        strings={strings}
      />,
      { mocks: mocks(add) },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Commenter' }));
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Votre commentaire' })).toHaveAccessibleDescription(
      expect.stringContaining('Renseignez le champ «\u00a0Votre commentaire\u00a0».'),
    );
    expect(add.calls).not.toHaveBeenCalled();
  });

  it('shows a comment the API refuses on the field, without its input key', async () => {
    const add = anyVariables(
      ADD_RESOURCE_COMMENT_MUTATION,
      refusedFields(['body', '5000 caractères au plus.']),
    );
    renderWithProviders(
      <ResourceComments
        commentableType="MEETING"
        commentableId="m1"
        headingId="meeting-comments"
        strings={strings}
      />,
      { mocks: mocks(add) },
    );
    const user = userEvent.setup();
    const box = await typeRich(user, 'Votre commentaire', 'Merci pour cette rencontre.');
    await user.click(screen.getByRole('button', { name: 'Commenter' }));
    await waitFor(() =>
      expect(box).toHaveAccessibleDescription(
        expect.stringContaining('«\u00a0Votre commentaire\u00a0»\u00a0: 5000 caractères au plus.'),
      ),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(add.calls).toHaveBeenCalledTimes(1);
    expect(document.body).not.toHaveTextContent(/body :|Détails/);
  });
});
