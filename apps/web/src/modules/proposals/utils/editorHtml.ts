/**
 * What the rich-text editor starts from when a stored text is edited again: the API's sanitised
 * HTML as it is (bold, lists and links kept), or — for a text stored as plain text before the
 * editor existed — its paragraphs (blank lines) and line breaks as `<p>` and `<br>`, escaped.
 * @param stored sanitised HTML (p, br, strong, em, ul, ol, li, a) or plain text
 */
export function editorHtml(stored: string): string {
  if (/<\/?[a-z][^>]*>/i.test(stored)) return stored;
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return stored
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escape(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
