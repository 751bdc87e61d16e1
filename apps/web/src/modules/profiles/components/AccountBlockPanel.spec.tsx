import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { Typenamed } from '../../../test/typenamed';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import {
  BLOCK_USER_MUTATION,
  UNBLOCK_USER_MUTATION,
  USER_BLOCK_QUERY,
  type UserBlock,
} from '../graphql/blocks';
import { AccountBlockPanel } from './AccountBlockPanel';

const REASON = 'Messages insultants répétés envers d’autres membres.';
const BLOCK: Typenamed<UserBlock> = {
  __typename: 'UserBlock',
  id: 'b1',
  userId: 'u1',
  reason: REASON,
  blockedAt: '2026-12-01T09:30:00.000Z',
  blockedByName: 'Alice Martin',
  liftedAt: null,
  hiddenCount: 2,
};
const state = (userBlock: Typenamed<UserBlock> | null): MockLink.MockedResponse => ({
  request: { query: USER_BLOCK_QUERY, variables: { userId: 'u1' } },
  result: { data: { userBlock } },
});

describe('<AccountBlockPanel> (a member’s page, for organization administrators)', () => {
  it('asks for a reason, says which field is wrong, then blocks and says how many contributions are hidden', async () => {
    const blocked = vi.fn(() => ({ data: { blockUser: BLOCK } }));
    renderWithProviders(<AccountBlockPanel userId="u1" name="Léa Fontaine" />, {
      mocks: [
        state(null),
        {
          request: {
            query: BLOCK_USER_MUTATION,
            variables: { input: { userId: 'u1', reason: REASON } },
          },
          result: blocked,
        },
        state(BLOCK),
      ],
    });
    const reason = await screen.findByRole('textbox', { name: 'Motif du blocage' });
    expect(reason).toHaveAccessibleDescription(/^De 10 à 1.000 caractères\.$/);
    await userEvent.type(reason, '  court ');
    await userEvent.click(screen.getByRole('button', { name: 'Bloquer ce compte' }));
    expect(reason).toHaveAccessibleDescription(
      expect.stringContaining('Indiquez un motif d’au moins 10 caractères.'),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(blocked).not.toHaveBeenCalled();

    await userEvent.clear(reason);
    await userEvent.type(reason, `  ${REASON} `);
    await userEvent.click(screen.getByRole('button', { name: 'Bloquer ce compte' }));
    expect(
      await screen.findByText('Compte de Léa Fontaine bloqué : 2 contributions masquées.'),
    ).toBeInTheDocument();
    expect(blocked).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/^Compte bloqué le 1er décembre 2026/)).toHaveTextContent(
      'par Alice Martin.',
    );
    expect(screen.getByText('Le blocage masque 2 contributions.')).toBeInTheDocument();
    expect(screen.getByText(REASON)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Blocage du compte' })).toHaveFocus();
  });

  it('shows a reason the API refuses on the field, without its input key', async () => {
    const refused = anyVariables(
      BLOCK_USER_MUTATION,
      refusedFields(['reason', '1000 caractères au plus.']),
    );
    renderWithProviders(<AccountBlockPanel userId="u1" name="Léa Fontaine" />, {
      mocks: [state(null), refused.mock],
    });
    const reason = await screen.findByRole('textbox', { name: 'Motif du blocage' });
    await userEvent.type(reason, REASON);
    await userEvent.click(screen.getByRole('button', { name: 'Bloquer ce compte' }));
    await waitFor(() =>
      expect(reason).toHaveAccessibleDescription(
        expect.stringContaining('«\u00a0Motif du blocage\u00a0»\u00a0: 1000 caractères au plus.'),
      ),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(refused.calls).toHaveBeenCalledTimes(1);
  });

  it('unblocks after a confirmation and gives focus to the section’s heading', async () => {
    const lifted = vi.fn(() => ({
      data: { unblockUser: { ...BLOCK, liftedAt: '2026-12-02T10:00:00.000Z', hiddenCount: 0 } },
    }));
    renderWithProviders(<AccountBlockPanel userId="u1" name="Léa Fontaine" />, {
      mocks: [
        state(BLOCK),
        {
          request: { query: UNBLOCK_USER_MUTATION, variables: { userId: 'u1' } },
          result: lifted,
        },
        state(null),
      ],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Débloquer ce compte' }));
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Débloquer le compte de Léa Fontaine\u202f?',
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Débloquer ce compte' }));
    expect(await screen.findByText('Compte de Léa Fontaine débloqué.')).toBeInTheDocument();
    expect(lifted).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('textbox', { name: 'Motif du blocage' })).toHaveValue('');
    expect(screen.getByRole('heading', { name: 'Blocage du compte' })).toHaveFocus();
  });
});
