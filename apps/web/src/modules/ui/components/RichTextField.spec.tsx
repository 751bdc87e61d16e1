import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { withEditorLayout } from '../../../test/rich-text';
import { RichTextField, type RichTextFormat } from './RichTextField';

withEditorLayout();

function Harness({
  initial = '',
  format,
  error,
  onValue,
  field: Field = RichTextField,
}: {
  field?: typeof RichTextField;
  initial?: string;
  format?: RichTextFormat;
  error?: string;
  onValue?: (value: string) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <Field
        label="Corps du texte"
        hint="Quelques phrases"
        error={error}
        format={format}
        value={value}
        onChange={(next) => {
          setValue(next);
          onValue?.(next);
        }}
      />
      <output data-testid="value">{value}</output>
    </>
  );
}

/** The editor once TipTap's chunk is there (a textbox that is not the fallback textarea). */
async function editorBox(name: string | RegExp = 'Corps du texte') {
  return waitFor(() => {
    const box = screen.getByRole('textbox', { name });
    expect(box.tagName).not.toBe('TEXTAREA');
    expect(box).toHaveAttribute('contenteditable', 'true');
    return box;
  });
}

describe('RichTextField', () => {
  it('shows a textarea with the same label while the editor loads, keeping what is typed', async () => {
    // a copy of the module whose lazy editor has never been asked for (whatever ran before): its
    // first render always shows the fallback; the text goes in as one change event, which no
    // arrival of the editor can interrupt (keystrokes would race it)
    vi.resetModules();
    const { RichTextField: FreshField } = await import('./RichTextField');
    render(<Harness field={FreshField} />);
    const fallback = screen.getByRole('textbox', { name: 'Corps du texte' });
    expect(fallback.tagName).toBe('TEXTAREA');
    fireEvent.change(fallback, { target: { value: 'Bonjour' } });
    const box = await editorBox();
    expect(box).toHaveTextContent('Bonjour');
  });

  it('names the editor by its label and ties the hint and the error to it', async () => {
    render(<Harness error="Le texte est obligatoire." />);
    const box = await editorBox();
    expect(box).toHaveAttribute('aria-multiline', 'true');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription('Quelques phrases Le texte est obligatoire.');
    expect(screen.getByRole('toolbar', { name: 'Mise en forme' })).toBeInTheDocument();
    for (const name of [
      'Gras',
      'Italique',
      'Liste à puces',
      'Liste numérotée',
      'Lien',
      'Annuler',
      'Rétablir',
    ])
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
  });

  it('gives the typed text out as HTML, the selection in bold after the toolbar button', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const box = await editorBox();
    await user.click(box);
    await user.paste('Un mot fort');
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe('<p>Un mot fort</p>'));
    await user.keyboard('{Control>}a{/Control}');
    await user.click(screen.getByRole('button', { name: 'Gras' }));
    expect(screen.getByRole('button', { name: 'Gras' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() =>
      expect(screen.getByTestId('value').textContent).toBe('<p><strong>Un mot fort</strong></p>'),
    );
  });

  it('reads and writes Markdown when asked', async () => {
    const user = userEvent.setup();
    render(<Harness format="markdown" initial={'Le **premier** article.'} />);
    const box = await editorBox();
    expect(box.querySelector('strong')).toHaveTextContent('premier');
    await user.click(box);
    await user.keyboard('{Control>}a{/Control}');
    await user.paste('Le second article.');
    await user.keyboard('{Control>}a{/Control}{Control>}b{/Control}');
    await waitFor(() =>
      expect(screen.getByTestId('value').textContent).toBe('**Le second article.**'),
    );
  });

  it('refuses a link that is not http(s) or mailto', async () => {
    const user = userEvent.setup();
    render(<Harness initial="<p>Voir</p>" />);
    await editorBox();
    await user.click(screen.getByRole('button', { name: 'Lien' }));
    const url = screen.getByLabelText('Adresse du lien (http, https ou mailto)');
    await user.type(url, 'javascript:alert(1){Enter}');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('value').textContent).toBe('<p>Voir</p>');
  });

  it('gives an empty string for an empty editor', async () => {
    const user = userEvent.setup();
    render(<Harness initial="<p>x</p>" />);
    const box = await editorBox();
    await user.click(box);
    await user.keyboard('{Control>}a{/Control}{Backspace}');
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe(''));
  });
});
