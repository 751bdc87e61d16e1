import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { DISAGREE_PROPOSAL_MUTATION, type ProposalSettings } from '../graphql/proposals';
import { DisagreeButton } from './DisagreeButton';

const settings: ProposalSettings = {
  supportsState: 'ENABLED',
  supportLimit: 0,
  minimumSupportsPerUser: 0,
  threshold: 0,
  canAccumulateSupportsBeyondThreshold: true,
  creationEnabled: true,
  disagreementsEnabled: true,
  hideThreshold: 3,
  commentsEnabled: true,
};
const proposal = { id: 'p1', viewerReaction: null, withdrawnAt: null, disagreementsCount: 2 };
/** Testing Library collapses whitespace, U+202F included: match with plain spaces, and check the narrow no-break spaces on the raw text once. */
const NN = ' ';

describe('<DisagreeButton>', () => {
  it('is absent where the component does not enable « pas d’accord »', () => {
    renderWithProviders(
      <DisagreeButton
        proposal={proposal}
        settings={{ ...settings, disagreementsEnabled: false }}
        signedIn
      />,
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('is a toggle button with the count beside it', () => {
    renderWithProviders(<DisagreeButton proposal={proposal} settings={settings} signedIn />);
    expect(screen.getByRole('button', { name: 'Pas d’accord' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(screen.getByText(`2 «${NN}pas d’accord${NN}»`).textContent).toBe(
      '2 «\u00a0pas d’accord\u00a0»',
    );
  });

  it('is pressed once the participant disagrees', () => {
    renderWithProviders(
      <DisagreeButton
        proposal={{ ...proposal, viewerReaction: 'DISAGREE' }}
        settings={settings}
        signedIn
      />,
    );
    expect(screen.getByRole('button', { name: 'Pas d’accord' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('is disabled, with the reason, while the participant supports the proposal', () => {
    renderWithProviders(
      <DisagreeButton
        proposal={{ ...proposal, viewerReaction: 'SUPPORT' }}
        settings={settings}
        signedIn
      />,
    );
    const button = screen.getByRole('button', { name: 'Pas d’accord' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(
      'Vous soutenez cette proposition\u00a0: retirez d’abord votre soutien pour marquer «\u00a0pas d’accord\u00a0».',
    );
  });

  it('shows only the count to visitors', () => {
    renderWithProviders(
      <DisagreeButton proposal={proposal} settings={settings} signedIn={false} />,
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText(`2 «${NN}pas d’accord${NN}»`)).toBeInTheDocument();
  });

  it('explains a refusal in an alert', async () => {
    renderWithProviders(<DisagreeButton proposal={proposal} settings={settings} signedIn />, {
      mocks: [
        {
          request: { query: DISAGREE_PROPOSAL_MUTATION, variables: { proposalId: 'p1' } },
          result: {
            errors: [
              new GraphQLError('Refus', {
                extensions: { code: 'FORBIDDEN', reason: 'disagreementsDisabled' },
              }),
            ],
          },
        },
      ],
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Pas d’accord' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `«${NN}Pas d’accord${NN}» n’est pas ouvert pour ces propositions.`,
    );
  });
});
