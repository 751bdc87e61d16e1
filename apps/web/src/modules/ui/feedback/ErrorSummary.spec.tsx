import { act, screen, waitFor } from '@testing-library/react';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { TextField } from '../components/Fields';
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

  it('gives a field its id, label and error in one spread (fieldProps), or its id and error alone', () => {
    function Form() {
      const summary = useErrorSummary();
      const title = { id: 'title', label: 'Titre' };
      return (
        <form>
          <ErrorSummary state={summary} />
          <TextField {...summary.fieldProps(title)} />
          <TextField {...summary.fieldProps('place')} label="Lieu (facultatif)" />
          <button
            type="button"
            onClick={() =>
              summary.report([
                { fieldId: 'title', message: 'Renseignez le champ «\u00a0Titre\u00a0».' },
                { fieldId: 'place', message: '«\u00a0Lieu\u00a0»\u00a0: 200 caractères au plus.' },
              ])
            }
          >
            Envoyer
          </button>
        </form>
      );
    }
    renderWithProviders(<Form />);
    const title = screen.getByRole('textbox', { name: 'Titre' });
    expect(title).toHaveAttribute('id', 'title');
    expect(title).not.toHaveAttribute('aria-invalid');
    act(() => screen.getByRole('button', { name: 'Envoyer' }).click());
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Renseignez le champ «\u00a0Titre\u00a0».');
    const place = screen.getByRole('textbox', { name: 'Lieu (facultatif)' });
    expect(place).toHaveAttribute('id', 'place');
    expect(place).toHaveAccessibleDescription('«\u00a0Lieu\u00a0»\u00a0: 200 caractères au plus.');
    expect(screen.getByRole('link', { name: /^Renseignez/ })).toHaveAttribute('href', '#title');
  });
});
