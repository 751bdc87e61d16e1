import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { MeetingForm } from './MeetingForm';

function renderForm(onSubmit = vi.fn(async () => 'Rencontre créée.')) {
  renderWithProviders(
    <MeetingForm meeting={null} idPrefix="new-meeting" submitLabel="Créer" onSubmit={onSubmit} />,
  );
  return { onSubmit, user: userEvent.setup() };
}

describe('<MeetingForm> (meetings admin)', () => {
  it('flags an empty title and missing times on their fields, focus on the summary, nothing sent', async () => {
    const { onSubmit, user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Créer' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 3 erreurs' });
    expect(summary).toHaveFocus();
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Renseignez le champ «\u00a0Titre\u00a0».',
      'Renseignez le champ «\u00a0Début\u00a0».',
      'Renseignez le champ «\u00a0Fin\u00a0».',
    ]);
    const title = screen.getByLabelText('Titre');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Renseignez le champ «\u00a0Titre\u00a0».');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('checks the end after the start and the online link', async () => {
    const { onSubmit, user } = renderForm();
    await user.type(screen.getByLabelText('Titre'), 'Atelier interopérabilité');
    await user.selectOptions(screen.getByLabelText('Type de rencontre'), 'ONLINE');
    await user.type(screen.getByLabelText('Début'), '2026-06-10T14:00');
    await user.type(screen.getByLabelText('Fin'), '2026-06-10T12:00');
    await user.type(screen.getByLabelText('Lien de connexion'), 'visio.example.org');
    await user.click(screen.getByRole('button', { name: 'Créer' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('Fin')).toHaveAccessibleDescription(
      expect.stringContaining('la fin doit suivre le début.'),
    );
    expect(screen.getByLabelText('Lien de connexion')).toHaveAttribute('aria-invalid', 'true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('puts each field the API refuses on that field (an agenda item on the agenda), without its key', async () => {
    const refusal = new CombinedGraphQLErrors({
      data: null,
      errors: refusedFields(
        ['title', 'au moins 3 caractères.'],
        ['agenda.0.title', '200 caractères au plus.'],
      ).errors,
    });
    const { onSubmit, user } = renderForm(vi.fn(() => Promise.reject(refusal)));
    await user.type(screen.getByLabelText('Titre'), 'Atelier');
    await user.type(screen.getByLabelText('Début'), '2026-06-10T14:00');
    await user.type(screen.getByLabelText('Fin'), '2026-06-10T16:00');
    await user.click(screen.getByRole('button', { name: 'Créer' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('Titre')).toHaveAccessibleDescription(
      '«\u00a0Titre\u00a0»\u00a0: au moins 3 caractères.',
    );
    expect(screen.getByLabelText(/^Ordre du jour/)).toHaveAttribute('aria-invalid', 'true');
    expect(document.body).not.toHaveTextContent(/title :|agenda\.0|Détails/);
  });
});
