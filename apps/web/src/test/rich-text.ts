import { waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll } from 'vitest';

/**
 * For specs that click into the rich text editor: ProseMirror asks the document for the element
 * under the pointer, which jsdom lacks. Defined only around such specs (other specs, e.g. the
 * agenda's, take its absence to mean "no layout").
 */
export function withEditorLayout(): void {
  beforeAll(() => {
    document.elementFromPoint = () => null;
  });
  afterAll(() => {
    delete (document as Partial<Document>).elementFromPoint;
  });
}

/**
 * Types `text` into the rich text editor named `name` once TipTap has replaced the fallback
 * textarea (pasted: jsdom's contenteditable loses keystrokes under ProseMirror), and returns it.
 * Gives the document the `elementFromPoint` ProseMirror needs for the click, for the click only,
 * when the spec has not ({@link withEditorLayout}): axe, run on the same page, reads its absence.
 * @param container where to look for the editor when the page holds several of that name
 */
export async function typeRich(
  user: { click(element: Element): Promise<void>; paste(text: string): Promise<void> },
  name: string | RegExp,
  text: string,
  container: HTMLElement = document.body,
): Promise<HTMLElement> {
  const box = await waitFor(() => {
    const element = within(container).getByRole('textbox', { name });
    expect(element).toHaveAttribute('contenteditable', 'true');
    return element;
  });
  const lent = !('elementFromPoint' in document);
  if (lent) document.elementFromPoint = () => null;
  try {
    await user.click(box);
    await user.paste(text);
  } finally {
    if (lent) delete (document as Partial<Document>).elementFromPoint;
  }
  return box;
}
