import { act, screen, waitFor } from '@testing-library/react';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ErrorSummary, useErrorSummary } from './ErrorSummary';

/** A page whose form reports one problem when its button is pressed. */
function Page() {
  const summary = useErrorSummary();
  return (
    <div data-testid="page">
      <ErrorSummary state={summary} />
      <input id="reason" aria-label="Motif" />
      <button
        type="button"
        onClick={() => summary.report([{ fieldId: 'reason', message: 'Indiquez un motif.' }])}
      >
        Envoyer
      </button>
    </div>
  );
}

describe('<ErrorSummary>', () => {
  it('takes the focus when problems are reported', () => {
    renderWithProviders(<Page />);
    act(() => screen.getByRole('button', { name: 'Envoyer' }).click());
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
  });

  it('behind a modal dialog (the page inert), takes the focus once the dialog has closed', async () => {
    renderWithProviders(<Page />);
    const page = screen.getByTestId('page');
    const button = screen.getByRole('button', { name: 'Envoyer' });
    button.focus();
    // what React Aria does to the rest of the page while a ConfirmButton's dialog is open
    page.setAttribute('inert', '');
    act(() => button.click());
    const summary = screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).not.toHaveFocus();
    page.removeAttribute('inert');
    await waitFor(() => expect(summary).toHaveFocus());
  });
});
