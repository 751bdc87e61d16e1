import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoMocks, fixtureMotions } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { CAST_VOTE_MUTATION } from '../graphql/assembly';
import { MotionBoard } from './MotionBoard';

describe('<MotionBoard>', () => {
  it('shows the open motion with its countdown, tally and the member’s vote; a vote needs a confirmation', async () => {
    let sent: unknown = null;
    const voted = {
      ...fixtureMotions[0],
      viewerVote: 'AGAINST',
      tally: { ...fixtureMotions[0].tally, forWeight: 2, againstWeight: 2 },
    };
    const mocks = [
      ...demoMocks(),
      {
        request: { query: CAST_VOTE_MUTATION, variables: (vars: unknown) => ((sent = vars), true) },
        result: { data: { castVote: voted } },
      },
    ];
    renderWithProviders(
      <MotionBoard componentId="c-motions" spaceId="s-assembly" spaceSlug="assemblee" />,
      { mocks },
    );
    const open = await screen.findByRole('article', { name: /Les territoires/ });
    expect(within(open).getByText(/Clôture dans 12 j 23 h|Clôture dans 13 j/)).toBeInTheDocument();
    expect(
      within(open).getByText(
        'Votre vote actuel : Pour. Vous pouvez le modifier jusqu’à la clôture.',
      ),
    ).toBeInTheDocument();
    expect(within(open).getByRole('table', { name: 'Décompte en cours' })).toBeInTheDocument();

    await userEvent.click(within(open).getByRole('button', { name: 'Contre' }));
    expect(sent).toBeNull(); // nothing sent before the confirmation
    expect(within(open).getByText('Confirmer votre vote « Contre » ?')).toBeInTheDocument();
    await userEvent.click(within(open).getByRole('button', { name: 'Confirmer mon vote' }));
    expect(
      await within(open).findByText('Votre vote « Contre » est enregistré.'),
    ).toBeInTheDocument();
    expect(sent).toEqual({ motionId: 'mo1', choice: 'AGAINST' });
  });

  it('shows a closed motion’s frozen result with its figures in a table', async () => {
    renderWithProviders(
      <MotionBoard componentId="c-motions" spaceId="s-assembly" spaceSlug="assemblee" />,
      { mocks: demoMocks() },
    );
    const closed = await screen.findByRole('article', { name: /Le cadre/ });
    expect(within(closed).getByText('Motion adoptée')).toBeInTheDocument();
    expect(
      within(closed).getByText(/Participation : 4 membres ont voté sur 6, soit 66,67 %/),
    ).toBeInTheDocument();
    const table = within(closed).getByRole('table', { name: 'Résultat du vote' });
    expect(within(table).getByRole('row', { name: /Pour 2/ })).toBeInTheDocument();
    expect(within(closed).queryByRole('button', { name: 'Pour' })).toBeNull();
  });

  it('anonymous visitors see no vote buttons', async () => {
    renderWithProviders(
      <MotionBoard componentId="c-motions" spaceId="s-assembly" spaceSlug="assemblee" />,
      { mocks: demoMocks({ signedIn: false }) },
    );
    await screen.findByRole('article', { name: /Les territoires/ });
    expect(screen.queryByRole('button', { name: 'Pour' })).toBeNull();
  });
});
