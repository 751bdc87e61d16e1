/**
 * The visible text of the editor's HTML, as the API counts it (`richTextToPlain`: a space after
 * each paragraph, list item and line break, runs of white space as one, trimmed), so a form's
 * limits and « obligatoire » checks agree with the server's: `<p><strong></strong></p>` is empty
 * and tags do not count towards a maximum length.
 * @param html the editor's value (sanitised HTML) or plain text
 * @returns the text a reader sees, in characters as the API counts them
 */
export function richTextPlain(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  const spaced = html.replace(/<\/(p|li|blockquote)>|<br\s*\/?>/gi, '$& ');
  const text = new DOMParser().parseFromString(spaced, 'text/html').body.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}
