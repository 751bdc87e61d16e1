import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoMocks } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { UPDATE_PROPOSAL_SETTINGS_MUTATION } from '../graphql/proposals';
import { ProposalSettingsForm } from './ProposalSettingsForm';

const input = {
  supportsState: 'BLOCKED',
  canAccumulateSupportsBeyondThreshold: true,
  creationEnabled: false,
  disagreementsEnabled: false,
  commentsEnabled: true,
  supportLimit: 10,
  minimumSupportsPerUser: 0,
  threshold: 3,
  hideThreshold: 3,
};

describe('<ProposalSettingsForm>', () => {
  it('shows the current settings, refuses a non-number and saves the changes', async () => {
    renderWithProviders(<ProposalSettingsForm componentId="c-prop" componentTitle="Mesures" />, {
      mocks: [
        ...demoMocks(),
        {
          request: {
            query: UPDATE_PROPOSAL_SETTINGS_MUTATION,
            variables: { componentId: 'c-prop', input },
          },
          result: {
            data: { updateProposalSettings: { __typename: 'ProposalSettings', ...input } },
          },
        },
      ],
    });
    const limit = await screen.findByRole('textbox', {
      name: 'Limite de soutiens par participant',
    });
    expect(limit).toHaveValue('5');
    expect(screen.getByRole('combobox', { name: 'Soutiens' })).toHaveValue('ENABLED');
    const user = userEvent.setup();
    await user.clear(limit);
    await user.type(limit, 'dix');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les réglages' }));
    expect(limit).toHaveAccessibleDescription(
      expect.stringContaining('Saisissez un nombre entier positif ou nul.'),
    );
    await user.clear(limit);
    await user.type(limit, '10');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Soutiens' }), 'BLOCKED');
    await user.click(screen.getByRole('checkbox', { name: 'Dépôt de propositions ouvert' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer les réglages' }));
    expect(await screen.findByText('Les réglages sont enregistrés.')).toBeInTheDocument();
  });
});
