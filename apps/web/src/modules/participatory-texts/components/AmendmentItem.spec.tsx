import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ME_QUERY } from '../../auth/graphql/auth';
import {
  REJECT_AMENDMENT_MUTATION,
  UPDATE_AMENDMENT_MUTATION,
  type Amendment,
} from '../graphql/texts';
import { AmendmentItem } from './ArticlePanel';

const me = {
  request: { query: ME_QUERY },
  result: {
    data: {
      me: {
        __typename: 'User',
        id: 'u1',
        name: 'Alice',
        email: 'alice@example.org',
        isAdmin: false,
      },
    },
  },
  maxUsageCount: 5,
};
const amendment = (extra: Partial<Amendment>) =>
  ({
    __typename: 'Amendment',
    id: 'am-1',
    amendableType: 'ARTICLE',
    amendableId: 'a-3',
    title: 'Préciser la conclusion du texte',
    body: 'Conclusion provisoire.',
    baseVersion: 1,
    currentVersion: 1,
    state: 'EVALUATING',
    outdated: false,
    rejectionReason: null,
    author: { __typename: 'AmendmentAuthor', id: 'u2', name: 'Bruno' },
    supportsCount: 0,
    commentsCount: 0,
    promotedProposalId: null,
    createdAt: '2026-01-02T00:00:00.000Z',
    answeredBy: null,
    answeredAt: null,
    baseText: 'Conclusion.',
    currentText: 'Conclusion.',
    viewerIsAuthor: false,
    viewerCanAnswer: true,
    viewerSupports: false,
    hidden: false,
    viewerReported: false,
    ...extra,
  }) as Amendment;

describe('<AmendmentItem> « Refuser »', () => {
  it('asks for the reason before the confirmation: the field says it, focus on the summary, nothing sent', async () => {
    const reject = anyVariables(REJECT_AMENDMENT_MUTATION, { data: null });
    renderWithProviders(<AmendmentItem amendment={amendment({})} />, {
      mocks: [me, reject.mock],
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Refuser/ }));
    await user.click(screen.getByRole('button', { name: 'Confirmer le refus' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const reason = screen.getByRole('textbox', { name: 'Motif du refus' });
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription('Renseignez le champ «\u00a0Motif du refus\u00a0».');
    expect(reject.calls).not.toHaveBeenCalled();
  });

  it('shows a reason the API refuses on the field, after the confirmation', async () => {
    const reject = anyVariables(
      REJECT_AMENDMENT_MUTATION,
      refusedFields(['reason', '5 000 caractères au plus.']),
    );
    renderWithProviders(<AmendmentItem amendment={amendment({})} />, {
      mocks: [me, reject.mock],
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Refuser/ }));
    const reason = screen.getByRole('textbox', { name: 'Motif du refus' });
    await user.type(reason, 'Hors du champ du texte.');
    await user.click(screen.getByRole('button', { name: 'Confirmer le refus' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Confirmer le refus' }));

    await waitFor(() =>
      expect(reason).toHaveAccessibleDescription(
        '«\u00a0Motif du refus\u00a0»\u00a0: 5 000 caractères au plus.',
      ),
    );
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() =>
      expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus(),
    );
    expect(reject.calls).toHaveBeenCalledTimes(1);
    expect(document.body).not.toHaveTextContent(/reason :|Détails/);
  });
});

describe('<AmendmentItem> « Mettre à jour »', () => {
  const own = amendment({
    author: { id: 'u1', name: 'Alice' },
    viewerIsAuthor: true,
    viewerCanAnswer: false,
    outdated: true,
    currentVersion: 2,
    currentText: '',
  });

  it('sends nothing for a blank text: the field says it, focus on the summary', async () => {
    const update = anyVariables(UPDATE_AMENDMENT_MUTATION, { data: null });
    renderWithProviders(<AmendmentItem amendment={own} />, { mocks: [me, update.mock] });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Mettre à jour/ }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la mise à jour' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    const body = screen.getByRole('textbox', { name: /^Nouveau texte de l’article/ });
    expect(body).toHaveAttribute('aria-invalid', 'true');
    expect(body).toHaveAccessibleDescription(
      expect.stringContaining('Renseignez le champ «\u00a0Nouveau texte de l’article\u00a0».'),
    );
    expect(update.calls).not.toHaveBeenCalled();
  });

  it('shows an unchanged text, refused by the API, on the field', async () => {
    const update = anyVariables(UPDATE_AMENDMENT_MUTATION, {
      errors: [
        new GraphQLError('L’amendement ne change rien au texte actuel.', {
          extensions: { code: 'BAD_USER_INPUT', field: 'body' },
        }),
      ],
    });
    renderWithProviders(
      <AmendmentItem amendment={{ ...own, currentText: 'Conclusion générale.' }} />,
      { mocks: [me, update.mock] },
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Mettre à jour/ }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la mise à jour' }));

    await waitFor(() =>
      expect(
        screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' }),
      ).toHaveTextContent('L’amendement ne change rien au texte actuel.'),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: /^Nouveau texte de l’article/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(update.calls).toHaveBeenCalledTimes(1);
  });
});
