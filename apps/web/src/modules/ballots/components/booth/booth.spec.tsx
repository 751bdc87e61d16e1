import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { renderWithProviders } from '../../../../test/renderWithProviders';
import { axeViolations } from '../../../petitions/test/axe';
import { emptyDraft, type DraftAnswer } from '../../ballot-display';
import type { BallotQuestion } from '../../graphql/ballots';
import {
  mjQuestion,
  multipleQuestion,
  rankedQuestion,
  singleQuestion,
} from '../../test/ballot-fixtures';
import { QuestionInput } from './QuestionInput';

/** A question input holding its own draft, as the booth does; the draft is shown for the assertions. */
function Harness({ question, error }: { question: BallotQuestion; error?: string }) {
  const [draft, setDraft] = useState<DraftAnswer>(emptyDraft());
  return (
    <main>
      <QuestionInput
        question={question}
        draft={draft}
        onChange={setDraft}
        fieldId={`f-${question.id}`}
        error={error}
      />
      <pre data-testid="draft">{JSON.stringify(draft)}</pre>
    </main>
  );
}
const draft = () => JSON.parse(screen.getByTestId('draft').textContent!) as DraftAnswer;
const rankedTitles = () =>
  within(screen.getByRole('list', { name: /^Votre classement/ }))
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.booth-option__title')!.textContent);

describe('booth: RANKED (keyboard only)', () => {
  it('ranks with the Tab and Enter keys only; focus follows the moved option and a live region says its rank', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness question={rankedQuestion} />);
    expect(screen.getByText('Aucune option classée pour l’instant.')).toBeInTheDocument();

    // Tab to the first « Classer » button, Enter: Option A is 1st; focus goes to the next option's « Classer »
    await user.tab();
    expect(screen.getByRole('button', { name: 'Classer en 1 Option A' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(rankedTitles()).toEqual(['Option A']);
    expect(screen.getByRole('button', { name: 'Classer en 2 Option B' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Classer en 3 Option C' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(rankedTitles()).toEqual(['Option A', 'Option B', 'Option C']);
    expect(screen.getByText('Toutes les options sont classées.')).toBeInTheDocument();
    // after the last one, focus is on that option's « Monter »
    expect(screen.getByRole('button', { name: 'Monter Option C' })).toHaveFocus();

    // Option C up twice with Enter: focus stays on it, then moves to « Descendre » once at the top
    await user.keyboard('{Enter}');
    expect(rankedTitles()).toEqual(['Option A', 'Option C', 'Option B']);
    expect(screen.getByRole('button', { name: 'Monter Option C' })).toHaveFocus();
    expect(screen.getByText('« Option C » : rang 2 sur 3.')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(rankedTitles()).toEqual(['Option C', 'Option A', 'Option B']);
    expect(screen.getByRole('button', { name: 'Monter Option C' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Descendre Option C' })).toHaveFocus();
    expect(draft().ranking).toEqual(['r3', 'r1', 'r2']);

    // Space on « Descendre »: back to 2nd
    await user.keyboard(' ');
    expect(draft().ranking).toEqual(['r1', 'r3', 'r2']);

    // remove Option B: it goes back to the unranked ones, focus on its « Classer »
    screen.getByRole('button', { name: 'Retirer Option B' }).focus();
    await user.keyboard('{Enter}');
    expect(draft().ranking).toEqual(['r1', 'r3']);
    expect(screen.getByRole('button', { name: 'Classer en 3 Option B' })).toHaveFocus();
    expect(screen.getByText('« Option B » retirée du classement.')).toBeInTheDocument();
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe('booth: MAJORITY_JUDGMENT grid', () => {
  it('one fieldset of seven grades per option, named by the option; arrow keys change the grade', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness question={mjQuestion} />);
    const groups = screen.getAllByRole('group').filter((g) => g.classList.contains('mj-option'));
    expect(groups).toHaveLength(4);
    const first = screen.getByRole('group', { name: 'Gouvernance de la filière' });
    expect(
      within(first)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual([
      'EXCELLENT',
      'VERY_GOOD',
      'GOOD',
      'FAIRLY_GOOD',
      'PASSABLE',
      'INSUFFICIENT',
      'REJECT',
    ]);
    expect(
      within(first)
        .getAllByRole<HTMLInputElement>('radio')
        .map((r) => r.labels?.[0]?.textContent ?? ''),
    ).toEqual([
      'Excellent',
      'Très bien',
      'Bien',
      'Assez bien',
      'Passable',
      'Insuffisant',
      'À rejeter',
    ]);

    await user.click(within(first).getByLabelText('Bien'));
    expect(draft().grades).toEqual({ j1: 'GOOD' });
    await user.keyboard('{ArrowRight}');
    expect(draft().grades).toEqual({ j1: 'FAIRLY_GOOD' });
    expect(screen.getByText('1 option évaluée sur 4.')).toBeInTheDocument();

    // Tab leaves the option's radio group for the next option
    await user.tab();
    expect(
      within(
        screen.getByRole('group', { name: 'Observatoire du numérique en santé' }),
      ).getAllByRole('radio')[0],
    ).toHaveFocus();
    await user.keyboard(' ');
    expect(draft().grades.j2).toBe('EXCELLENT');
    expect(screen.getByText('2 options évaluées sur 4.')).toBeInTheDocument();
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('ties its error to the question and marks the options left ungraded', () => {
    renderWithProviders(
      <Harness
        question={mjQuestion}
        error="« Actions structurantes » : attribuez une mention à « Guichet unique »."
      />,
    );
    const question = screen.getByRole('group', { name: 'Actions structurantes' });
    expect(question).toHaveAccessibleDescription(
      expect.stringContaining('attribuez une mention à « Guichet unique »'),
    );
    expect(screen.getByRole('group', { name: 'Guichet unique' })).toHaveClass('mj-option--missing');
  });
});

describe('booth: MULTIPLE bounds and SINGLE', () => {
  it('says the bounds, counts the choices, and disables the other boxes at the maximum with the reason', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness question={multipleQuestion} />);
    const group = screen.getByRole('group', { name: 'Priorités de la feuille de route' });
    expect(group).toHaveAccessibleDescription('Choisissez entre 2 et 3 options.');
    await user.click(screen.getByLabelText('Interopérabilité'));
    expect(screen.getByText('1 option choisie sur 3 au plus.')).toBeInTheDocument();
    await user.click(screen.getByLabelText('Export'));
    await user.click(screen.getByLabelText('Cybersécurité'));
    expect(screen.getByRole('status')).toHaveTextContent(
      '3 options choisies sur 3 au plus. Maximum atteint : décochez une option pour en choisir une autre.',
    );
    expect(screen.getByLabelText('Éthique')).toBeDisabled();
    expect(screen.getByLabelText('Données de santé')).toBeDisabled();
    expect(draft().optionIds).toEqual(['m1', 'm2', 'm3']); // question order, not click order
    await user.click(screen.getByLabelText('Export'));
    expect(screen.getByLabelText('Éthique')).toBeEnabled();
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('SINGLE is a radio group named by the question', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness question={singleQuestion} />);
    const group = screen.getByRole('group', { name: 'Présidence du bureau' });
    expect(within(group).getAllByRole('radio')).toHaveLength(3);
    await user.click(screen.getByLabelText('Bruno Petit'));
    await user.keyboard('{ArrowDown}');
    expect(draft().optionIds).toEqual(['s3']);
  });
});
