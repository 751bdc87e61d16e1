/**
 * The plain text of the API's sanitised HTML, paragraphs kept as blank lines and line breaks
 * as newlines, to put back in a textarea for editing (the API sanitises what comes back).
 * @param html sanitised HTML (p, br, strong, em, ul, ol, li, a) or plain text
 */
export function editableText(html: string): string {
  if (!/<\/?[a-z][^>]*>/i.test(html)) return html;
  const marked = html.replace(/<\/p>\s*<p>/g, '\n\n').replace(/<br\s*\/?>/g, '\n');
  return new DOMParser().parseFromString(marked, 'text/html').body.textContent ?? '';
}
