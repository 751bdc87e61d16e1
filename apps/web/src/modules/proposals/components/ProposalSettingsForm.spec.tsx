import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoMocks } from '../../../test/fixtures';
import { anyVariables, refusedFields } from '../../../test/formErrors';
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
    expect(limit).toHaveAttribute('aria-invalid', 'true');
    expect(limit).toHaveAccessibleDescription(
      expect.stringContaining(
        '«\u00a0Limite de soutiens par participant\u00a0»\u00a0: un nombre entier de 0 à 10000.',
      ),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    await user.clear(limit);
    await user.type(limit, '10');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Soutiens' }), 'BLOCKED');
    await user.click(screen.getByRole('checkbox', { name: 'Dépôt de propositions ouvert' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer les réglages' }));
    expect(await screen.findByText('Les réglages sont enregistrés.')).toBeInTheDocument();
  });

  it('sends nothing when a number is out of bounds, and shows a threshold the API refuses on its field', async () => {
    const save = anyVariables(
      UPDATE_PROPOSAL_SETTINGS_MUTATION,
      refusedFields(['hideThreshold', 'au plus 1000.']),
    );
    renderWithProviders(<ProposalSettingsForm componentId="c-prop" componentTitle="Mesures" />, {
      mocks: [...demoMocks(), save.mock],
    });
    const hide = await screen.findByRole('textbox', {
      name: 'Seuil de masquage automatique (signalements)',
    });
    const user = userEvent.setup();
    await user.clear(hide);
    await user.type(hide, '0');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les réglages' }));
    expect(hide).toHaveAccessibleDescription(/un nombre entier de 1 à 1000\./);
    expect(save.calls).not.toHaveBeenCalled();

    await user.clear(hide);
    await user.type(hide, '5');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les réglages' }));
    await screen.findByText(/au plus 1000\./, { selector: 'a' });
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(hide).toHaveAccessibleDescription(/: au plus 1000\.$/);
    expect(document.body).not.toHaveTextContent(/hideThreshold|Détails/);
  });
});
