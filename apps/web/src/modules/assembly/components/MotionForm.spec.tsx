import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { MotionForm } from './MotionForm';

describe('<MotionForm>', () => {
  it('checks itself (no browser bubbles): focus goes to an error summary linking each invalid field, and each field says its error', async () => {
    const user = userEvent.setup();
    renderWithProviders(<MotionForm componentId="c-motions" onCreated={() => undefined} />);
    const form = screen.getByRole('button', { name: 'Déposer la motion' }).closest('form')!;
    expect(form).toHaveAttribute('novalidate');
    await user.type(screen.getByLabelText('Titre'), 'Ab');
    await user.clear(screen.getByLabelText('Quorum (% des membres)'));
    await user.type(screen.getByLabelText('Quorum (% des membres)'), '120');
    await user.click(screen.getByRole('button', { name: 'Déposer la motion' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 3 erreurs' });
    expect(summary).toHaveFocus();
    const links = within(summary).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Titre\u00a0: de 3 à 150 caractères.',
      'Texte de la motion\u00a0: obligatoire.',
      'Quorum\u00a0: un nombre entre 0 et 100.',
    ]);
    expect(screen.getByLabelText('Titre')).toHaveAccessibleDescription(
      'Titre\u00a0: de 3 à 150 caractères.',
    );
    expect(screen.getByLabelText('Titre')).toHaveAttribute('aria-invalid', 'true');

    await user.click(links[1]);
    expect(screen.getByLabelText('Texte de la motion')).toHaveFocus();
  });
});
