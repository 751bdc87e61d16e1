import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { typeRich } from '../../../test/rich-text';
import { ProposalForm } from './ProposalForm';

const form = (onSubmit: (values: { title: string; body: string }) => Promise<void>) => (
  <ProposalForm
    heading="Nouvelle proposition"
    headingId="new-proposal"
    submitLabel="Publier la proposition"
    onSubmit={onSubmit}
  />
);

describe('<ProposalForm>', () => {
  it('checks the title and the text before sending: each field says it, focus on the summary, nothing sent', async () => {
    const onSubmit = vi.fn(async () => undefined);
    renderWithProviders(form(onSubmit));
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Titre' }), 'Trop court');
    await user.click(screen.getByRole('button', { name: 'Publier la proposition' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    const title = screen.getByRole('textbox', { name: 'Titre' });
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription(expect.stringContaining('15'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows a title the API refuses on its field, without its input key', async () => {
    const onSubmit = vi.fn(async () => {
      throw new CombinedGraphQLErrors({
        data: null,
        errors: refusedFields(['title', 'au moins 15 caractères']).errors,
      });
    });
    renderWithProviders(form(onSubmit));
    const user = userEvent.setup();
    await user.type(
      screen.getByRole('textbox', { name: 'Titre' }),
      'Un guichet unique pour les démarches',
    );
    await typeRich(user, /^Texte de la proposition/, 'Un seul accueil.');
    await user.click(screen.getByRole('button', { name: 'Publier la proposition' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Titre' })).toHaveAccessibleDescription(
      expect.stringContaining('«\u00a0Titre\u00a0»\u00a0: au moins 15 caractères'),
    );
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(document.body).not.toHaveTextContent(/title :|Détails/);
  });
});
