import { screen, waitFor } from '@testing-library/react';
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
 */
export async function typeRich(
  user: { click(element: Element): Promise<void>; paste(text: string): Promise<void> },
  name: string,
  text: string,
): Promise<HTMLElement> {
  const box = await waitFor(() => {
    const element = screen.getByRole('textbox', { name });
    expect(element).toHaveAttribute('contenteditable', 'true');
    return element;
  });
  await user.click(box);
  await user.paste(text);
  return box;
}
