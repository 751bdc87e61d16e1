import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { axeViolations } from '../../petitions/test/axe';
import type { QuestionResult } from '../graphql/ballots';
import { mjQuestion, rankedQuestion, singleQuestion } from '../test/ballot-fixtures';
import { BallotResults } from './BallotResults';

const census = {
  kind: 'ALL_MEMBERS' as const,
  assemblySpaceId: null,
  weighted: false,
  emailsCount: null,
  invitationsSent: null,
  invitationsFailing: null,
  frozenVoters: 10,
  frozenWeight: 10,
};
const results: QuestionResult[] = [
  {
    questionId: 'qs',
    method: 'SINGLE',
    ballots: 4,
    totalWeight: 4,
    counts: { s1: 2, s2: 2, s3: 0 },
    ranking: [['s1', 's2'], ['s3']],
    winners: ['s1', 's2'],
  },
  {
    questionId: 'qr',
    method: 'RANKED',
    ballots: 5,
    totalWeight: 5,
    optionIds: ['r1', 'r2', 'r3'],
    pairwise: [
      [0, 3, 4],
      [2, 0, 5],
      [1, 0, 0],
    ],
    strongestPaths: [
      [0, 3, 4],
      [0, 0, 5],
      [0, 0, 0],
    ],
    condorcetWinner: 'r1',
    ranking: [['r1'], ['r2'], ['r3']],
    winners: ['r1'],
  },
  {
    questionId: 'qj',
    method: 'MAJORITY_JUDGMENT',
    ballots: 3,
    totalWeight: 3,
    optionIds: ['j1', 'j2', 'j3', 'j4'],
    grades: ['EXCELLENT', 'VERY_GOOD', 'GOOD', 'FAIRLY_GOOD', 'PASSABLE', 'INSUFFICIENT', 'REJECT'],
    profiles: {
      j1: [1, 0, 1, 0, 0, 1, 0],
      j2: [0, 0, 3, 0, 0, 0, 0],
      j3: [0, 0, 0, 0, 0, 0, 3],
      j4: [0, 1, 1, 1, 0, 0, 0],
    },
    majorityGrades: { j1: 'GOOD', j2: 'GOOD', j3: 'REJECT', j4: 'GOOD' },
    gauges: {
      j1: { better: 1, worse: 1 },
      j2: { better: 0, worse: 0 },
      j3: { better: 0, worse: 0 },
      j4: { better: 1, worse: 1 },
    },
    ranking: [['j1'], ['j4'], ['j2'], ['j3']],
    winners: ['j1'],
    tieBreaks: [
      {
        higher: 'j1',
        lower: 'j4',
        majorityGrade: 'GOOD',
        removed: 1,
        higherGrade: 'EXCELLENT',
        lowerGrade: 'VERY_GOOD',
      },
    ],
  },
];

describe('<BallotResults>', () => {
  it('names winners and unbroken ties, shows the pairwise matrix and the grade profiles as tables', async () => {
    renderWithProviders(
      <main>
        <BallotResults
          ballot={{ questions: [singleQuestion, rankedQuestion, mjQuestion], results, census }}
        />
      </main>,
    );
    expect(screen.getByText('Égalité entre : Alice Martin, Bruno Petit')).toBeInTheDocument();
    expect(screen.getByText(/L’égalité n’est pas départagée/)).toBeInTheDocument();

    expect(
      screen.getByText(
        'Option A est gagnante de Condorcet : elle l’emporte en face à face contre chacune des autres options.',
      ),
    ).toBeInTheDocument();
    const matrix = screen.getByRole('table', { name: /Matrice des préférences/ });
    const rowB = within(matrix).getByRole('row', { name: /^Option B/ });
    expect(
      within(rowB)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2', '—', '5 (l’emporte)']);
    expect(screen.getByRole('region', { name: /Matrice des préférences/ })).toHaveAttribute(
      'tabindex',
      '0',
    );

    const profiles = screen.getByRole('table', { name: /Profil des mentions/ });
    const rowJ1 = within(profiles).getByRole('row', { name: /^Gouvernance de la filière/ });
    expect(within(rowJ1).getAllByRole('cell')[0]).toHaveTextContent('Bien');
    expect(within(rowJ1).getAllByRole('cell')[1]).toHaveTextContent('1 (33,3 %)');
    expect(
      screen.getByText(
        '« Gouvernance de la filière » devance « Formation des professionnels » : même mention majoritaire « Bien » ; après avoir retiré 1 mention médiane de chacune, « Gouvernance de la filière » obtient « Excellent » et « Formation des professionnels » « Très bien ».',
      ),
    ).toBeInTheDocument();
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
