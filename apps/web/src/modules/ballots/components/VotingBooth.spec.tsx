import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { axeViolations } from '../../petitions/test/axe';
import type { BallotAnswerInput } from '../graphql/ballots';
import {
  mjQuestion,
  multipleQuestion,
  rankedQuestion,
  singleQuestion,
} from '../test/ballot-fixtures';
import { VotingBooth } from './VotingBooth';

const ballot = {
  id: 'b1',
  title: 'Élection et priorités',
  secret: true,
  receiptsEnabled: true,
  questions: [singleQuestion, multipleQuestion, rankedQuestion, mjQuestion],
};

describe('<VotingBooth>', () => {
  it('lists every unanswered question in an error summary that takes the focus, then reviews and casts a secret vote after confirmation', async () => {
    const user = userEvent.setup();
    const cast = vi
      .fn<(answers: BallotAnswerInput[]) => Promise<void>>()
      .mockResolvedValue(undefined);
    renderWithProviders(
      <main>
        <VotingBooth ballot={ballot} onCast={cast} />
      </main>,
    );
    await user.click(screen.getByRole('button', { name: 'Relire mon vote' }));
    const summary = screen.getByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getByRole('heading')).toHaveTextContent(
      'Le formulaire contient 4 erreurs',
    );
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent?.replace(/\u00a0/g, ' ')),
    ).toEqual([
      '« Présidence du bureau » : choisissez une option.',
      '« Priorités de la feuille de route » : choisissez entre 2 et 3 options.',
      '« Classement des recommandations » : classez au moins une option.',
      '« Actions structurantes » : attribuez une mention à « Gouvernance de la filière ».',
    ]);
    // a link of the summary focuses its question
    await user.click(within(summary).getAllByRole('link')[1]);
    expect(screen.getByRole('group', { name: 'Priorités de la feuille de route' })).toHaveFocus();

    await user.click(screen.getByLabelText('Chloé Durand'));
    // the question's own error goes once it is answered
    expect(screen.getByRole('group', { name: 'Présidence du bureau' })).toHaveAccessibleDescription(
      'Choisissez une seule option.',
    );
    await user.click(screen.getByLabelText('Cybersécurité'));
    await user.click(screen.getByLabelText('Éthique'));
    await user.click(screen.getByRole('button', { name: 'Classer en 1 Option B' }));
    await user.click(screen.getByRole('button', { name: 'Classer en 2 Option A' }));
    const grades = ['Très bien', 'Bien', 'À rejeter', 'Excellent'];
    for (const [i, option] of mjQuestion.options.entries()) {
      await user.click(
        within(screen.getByRole('group', { name: option.title })).getByLabelText(grades[i]),
      );
    }
    await user.click(screen.getByRole('button', { name: 'Relire mon vote' }));
    const review = await screen.findByRole('heading', { name: 'Relisez votre vote' });
    await waitFor(() => expect(review).toHaveFocus());
    expect(screen.getByText('Non classées : Option C')).toBeInTheDocument();
    expect(screen.getByText('Guichet unique : À rejeter')).toBeInTheDocument();
    expect(await axeViolations(document.body)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Voter' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('Voter définitivement à « Élection et priorités » ?');
    expect(dialog).toHaveTextContent('Un code de reçu vous sera affiché une seule fois');
    await user.click(within(dialog).getByRole('button', { name: 'Déposer mon vote' }));
    await waitFor(() => expect(cast).toHaveBeenCalledTimes(1));
    expect(cast.mock.calls[0][0]).toEqual([
      { questionId: 'qs', choice: { optionIds: ['s3'] } },
      { questionId: 'qm', choice: { optionIds: ['m2', 'm4'] } },
      { questionId: 'qr', choice: { ranking: ['r2', 'r1'] } },
      {
        questionId: 'qj',
        choice: { grades: { j1: 'VERY_GOOD', j2: 'GOOD', j3: 'REJECT', j4: 'EXCELLENT' } },
      },
    ]);
  });

  it('a public vote is cast without a confirmation dialog, and « Modifier mes choix » goes back with the choices kept', async () => {
    const user = userEvent.setup();
    const cast = vi
      .fn<(answers: BallotAnswerInput[]) => Promise<void>>()
      .mockResolvedValue(undefined);
    renderWithProviders(
      <VotingBooth
        ballot={{ ...ballot, secret: false, receiptsEnabled: false, questions: [singleQuestion] }}
        onCast={cast}
      />,
    );
    await user.click(screen.getByLabelText('Alice Martin'));
    await user.click(screen.getByRole('button', { name: 'Relire mon vote' }));
    await user.click(await screen.findByRole('button', { name: 'Modifier mes choix' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Bureau de vote' })).toHaveFocus(),
    );
    expect(screen.getByLabelText('Alice Martin')).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Relire mon vote' }));
    await user.click(await screen.findByRole('button', { name: 'Voter' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(cast).toHaveBeenCalledWith([{ questionId: 'qs', choice: { optionIds: ['s1'] } }]);
  });
});
