import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFocusAfterRender } from './useFocusAfterRender';

/** A check form as the receipt page has it: the button is disabled while the request runs, then the result heading takes the focus. */
function CheckForm({ answer }: { answer: () => Promise<string> }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusAfterRender = useFocusAfterRender();
  async function check() {
    setResult(null);
    setBusy(true);
    const text = await answer();
    setResult(text);
    setBusy(false);
    focusAfterRender(heading);
  }
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void check()}>
        Vérifier
      </button>
      {result ? (
        <h2 ref={heading} tabIndex={-1}>
          {result}
        </h2>
      ) : null}
    </>
  );
}

function LateList() {
  const [items, setItems] = useState(['a']);
  const list = useRef<HTMLUListElement>(null);
  const focusAfterRender = useFocusAfterRender();
  return (
    <>
      <button
        type="button"
        onClick={() => {
          // the element the focus goes to appears one frame after the call's own render
          focusAfterRender(() => list.current?.querySelectorAll('a')[1]);
          requestAnimationFrame(() => flushSync(() => setItems(['a', 'b'])));
        }}
      >
        Plus
      </button>
      <ul ref={list}>
        {items.map((item) => (
          <li key={item}>
            <a href={`#${item}`}>{item}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

describe('useFocusAfterRender', () => {
  afterEach(() => vi.restoreAllMocks());

  it('focuses the element the same state change renders, even when a frame comes before the commit', async () => {
    // A loaded machine: the next frame runs at once, before React has committed the result.
    // `requestAnimationFrame(() => heading.current?.focus())` found no heading there.
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
      callback(performance.now());
      return 0;
    });
    let reply: (text: string) => void = () => undefined;
    render(<CheckForm answer={() => new Promise((resolve) => (reply = resolve))} />);
    await userEvent.click(screen.getByRole('button', { name: 'Vérifier' }));
    await act(async () => reply('Bulletin trouvé'));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Bulletin trouvé' }));
  });

  it('selects an input when asked', async () => {
    function Feed() {
      const [url, setUrl] = useState<string | null>(null);
      const input = useRef<HTMLInputElement>(null);
      const focusAfterRender = useFocusAfterRender();
      return (
        <>
          <button
            type="button"
            onClick={() => {
              setUrl('https://example.org/feed.ics');
              focusAfterRender(input, { select: true });
            }}
          >
            Créer
          </button>
          {url ? <input ref={input} aria-label="Adresse" readOnly value={url} /> : null}
        </>
      );
    }
    render(<Feed />);
    await userEvent.click(screen.getByRole('button', { name: 'Créer' }));
    const input = screen.getByRole<HTMLInputElement>('textbox', { name: 'Adresse' });
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, input.value.length]);
  });

  it('tries once more on the next frame when the element is not there yet after the commit', async () => {
    render(<LateList />);
    await userEvent.click(screen.getByRole('button', { name: 'Plus' }));
    await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'b' }));
  });
});
