import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ANSWER_PROPOSAL_MUTATION, PUBLISH_PROPOSAL_ANSWER_MUTATION } from '../graphql/proposals';
import { AnswerForm } from './AnswerForm';
import { typeRich, withEditorLayout } from '../../../test/rich-text';

const proposal = {
  id: 'p1',
  title: 'Créer un guichet unique',
  internalState: 'NOT_ANSWERED' as const,
  answer: null,
  answerPublished: false,
  answeredAt: null,
};

function answered(state: string, answerPublished: boolean) {
  return {
    __typename: 'Proposal',
    id: 'p1',
    reference: null,
    title: proposal.title,
    body: '<p>x</p>',
    state: answerPublished ? state : 'NOT_ANSWERED',
    official: false,
    author: null,
    supportsCount: 0,
    disagreementsCount: null,
    threshold: 0,
    commentsCount: 0,
    hidden: false,
    componentId: 'c1',
    answer: '<p>Retenue.</p>',
    answerPublished,
    answeredAt: '2026-11-20T10:00:00Z',
    internalState: state,
    publishedAt: '2026-11-01T00:00:00Z',
    withdrawnAt: null,
    followsCount: 0,
    viewerCanEdit: false,
    viewerFollows: false,
    viewerReported: false,
    viewerSupports: false,
    viewerReaction: null,
    origin: null,
  };
}

describe('<AnswerForm>', () => {
  withEditorLayout();

  it('refuses a rejection without an answer before sending anything, focus on the error summary', async () => {
    const sent = anyVariables(ANSWER_PROPOSAL_MUTATION, { data: null });
    renderWithProviders(<AnswerForm proposal={proposal} />, { mocks: [sent.mock] });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'État' }), 'REJECTED');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la réponse' }));
    const answer = screen.getByRole('textbox', { name: 'Réponse' });
    expect(answer).toHaveAttribute('aria-invalid', 'true');
    expect(answer).toHaveAccessibleDescription(
      expect.stringContaining('Un refus doit être motivé par une réponse.'),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(sent.calls).not.toHaveBeenCalled();
    expect(screen.queryByText('La réponse est enregistrée.')).not.toBeInTheDocument();
  });

  it('shows an answer the API refuses on its field, without the input key', async () => {
    const sent = anyVariables(
      ANSWER_PROPOSAL_MUTATION,
      refusedFields(['answer', '5000 caractères au plus.']),
    );
    renderWithProviders(<AnswerForm proposal={proposal} />, { mocks: [sent.mock] });
    const user = userEvent.setup();
    await typeRich(user, 'Réponse', 'Retenue.');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la réponse' }));
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Réponse' })).toHaveAccessibleDescription(
      expect.stringContaining('«\u00a0Réponse\u00a0»\u00a0: 5000 caractères au plus.'),
    );
    expect(document.body).not.toHaveTextContent(/answer :|Détails/);
  });

  it('offers EVALUATING, ACCEPTED and REJECTED, and publishes now by default', () => {
    renderWithProviders(<AnswerForm proposal={proposal} />);
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'En cours d’évaluation',
      'Acceptée',
      'Rejetée',
    ]);
    expect(screen.getByRole('checkbox', { name: 'Publier maintenant' })).toBeChecked();
  });

  it('sends an accepted answer kept as a draft', async () => {
    renderWithProviders(<AnswerForm proposal={proposal} />, {
      mocks: [
        {
          request: {
            query: ANSWER_PROPOSAL_MUTATION,
            variables: {
              input: {
                proposalId: 'p1',
                state: 'ACCEPTED',
                answer: '<p>Retenue.</p>',
                publish: false,
              },
            },
          },
          result: { data: { answerProposal: answered('ACCEPTED', false) } },
        },
      ],
    });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'État' }), 'ACCEPTED');
    await typeRich(user, 'Réponse', 'Retenue.');
    await user.click(screen.getByRole('checkbox', { name: 'Publier maintenant' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la réponse' }));
    expect(
      await screen.findByText('La réponse est enregistrée comme brouillon.'),
    ).toBeInTheDocument();
  });

  it('shows a draft and publishes it with "Publier la réponse"', async () => {
    renderWithProviders(
      <AnswerForm
        proposal={{
          ...proposal,
          internalState: 'ACCEPTED',
          answer: '<p>Retenue.</p>',
          answeredAt: '2026-11-20T10:00:00Z',
        }}
      />,
      {
        mocks: [
          {
            request: { query: PUBLISH_PROPOSAL_ANSWER_MUTATION, variables: { id: 'p1' } },
            result: { data: { publishProposalAnswer: answered('ACCEPTED', true) } },
          },
        ],
      },
    );
    expect(screen.getByText('Brouillon non publié')).toBeInTheDocument();
    // the editor starts from the stored HTML, formatting kept
    const answer = await waitFor(() => {
      const box = screen.getByRole('textbox', { name: 'Réponse' });
      expect(box).toHaveAttribute('contenteditable', 'true');
      return box;
    });
    expect(answer.querySelector('p')?.textContent).toBe('Retenue.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Publier la réponse' }));
    expect(await screen.findByText('La réponse est publiée.')).toBeInTheDocument();
  });
});
