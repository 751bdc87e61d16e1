import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { SUPPORT_PROPOSAL_MUTATION, type ProposalSettings } from '../graphql/proposals';
import { SupportButton } from './SupportButton';

const settings: ProposalSettings = {
  supportsState: 'ENABLED',
  supportLimit: 2,
  minimumSupportsPerUser: 0,
  threshold: 0,
  canAccumulateSupportsBeyondThreshold: true,
  creationEnabled: true,
  disagreementsEnabled: false,
  hideThreshold: 3,
  commentsEnabled: true,
};
const proposal = { id: 'p1', viewerSupports: false, withdrawnAt: null };

function refusal(message: string, code: string, extensions: object = {}) {
  return {
    request: { query: SUPPORT_PROPOSAL_MUTATION, variables: { proposalId: 'p1' } },
    result: { errors: [new GraphQLError(message, { extensions: { code, ...extensions } })] },
  };
}

describe('<SupportButton>', () => {
  it('is absent when supports are HIDDEN', () => {
    renderWithProviders(
      <SupportButton
        proposal={proposal}
        settings={{ ...settings, supportsState: 'HIDDEN' }}
        signedIn
      />,
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('is disabled with the reason when supports are BLOCKED', () => {
    renderWithProviders(
      <SupportButton
        proposal={proposal}
        settings={{ ...settings, supportsState: 'BLOCKED' }}
        signedIn
      />,
    );
    const button = screen.getByRole('button', { name: 'Soutenir' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription('Les soutiens sont fermés pour ces propositions.');
  });

  it('is disabled on a withdrawn proposal', () => {
    renderWithProviders(
      <SupportButton
        proposal={{ ...proposal, withdrawnAt: '2026-11-01T00:00:00Z' }}
        settings={settings}
        signedIn
      />,
    );
    expect(screen.getByRole('button', { name: 'Soutenir' })).toHaveAccessibleDescription(
      'Une proposition retirée ne peut plus être soutenue.',
    );
  });

  it('invites visitors to sign in', () => {
    renderWithProviders(<SupportButton proposal={proposal} settings={settings} signedIn={false} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Connectez-vous pour soutenir cette proposition.' }),
    ).toHaveAttribute('href', '/connexion');
  });

  it('offers "Retirer mon soutien" once the participant supports it', () => {
    renderWithProviders(
      <SupportButton
        proposal={{ ...proposal, viewerSupports: true }}
        settings={settings}
        signedIn
      />,
    );
    expect(screen.getByRole('button', { name: 'Retirer mon soutien' })).toBeEnabled();
  });

  it('explains LIMIT_REACHED for the participant limit', async () => {
    renderWithProviders(<SupportButton proposal={proposal} settings={settings} signedIn />, {
      mocks: [
        refusal('Vous avez déjà donné vos 2 soutiens.', 'LIMIT_REACHED', {
          reason: 'supportLimit',
          limit: 2,
        }),
      ],
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Soutenir' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Vous avez déjà donné vos 2 soutiens. Retirez un soutien pour en donner un autre.',
    );
  });

  it('explains LIMIT_REACHED for a proposal at its threshold', async () => {
    renderWithProviders(
      <SupportButton
        proposal={proposal}
        settings={{ ...settings, threshold: 3, canAccumulateSupportsBeyondThreshold: false }}
        signedIn
      />,
      {
        mocks: [
          refusal('Cette proposition a atteint son seuil de soutiens.', 'LIMIT_REACHED', {
            reason: 'threshold',
            limit: 3,
          }),
        ],
      },
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Soutenir' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Cette proposition a atteint son seuil de soutiens : elle n’en accepte plus.',
    );
  });

  it('confirms a support politely', async () => {
    renderWithProviders(<SupportButton proposal={proposal} settings={settings} signedIn />, {
      mocks: [
        {
          request: { query: SUPPORT_PROPOSAL_MUTATION, variables: { proposalId: 'p1' } },
          result: {
            data: {
              supportProposal: {
                __typename: 'Proposal',
                id: 'p1',
                reference: null,
                title: 'Une proposition',
                body: '<p>x</p>',
                state: 'NOT_ANSWERED',
                official: false,
                author: null,
                supportsCount: 1,
                disagreementsCount: null,
                threshold: 0,
                commentsCount: 0,
                hidden: false,
                componentId: 'c1',
                answer: null,
                answerPublished: false,
                answeredAt: null,
                internalState: null,
                publishedAt: '2026-11-01T00:00:00Z',
                withdrawnAt: null,
                followsCount: 1,
                viewerCanEdit: false,
                viewerFollows: true,
                viewerReported: false,
                viewerSupports: true,
                viewerReaction: 'SUPPORT',
                origin: null,
              },
            },
          },
        },
      ],
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Soutenir' }));
    expect(await screen.findByText('Vous soutenez cette proposition.')).toHaveAttribute(
      'role',
      'status',
    );
  });
});
