/** HTML entities that sanitized rich text keeps and `ts_headline` passes through as text. */
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': '\u00a0',
};

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Turns a `ts_headline` excerpt (matches between U+0001 and U+0002, tags already dropped) into
 * safe HTML: entities decoded once, Markdown marks (`*`, `` ` ``, `#` headings) dropped,
 * everything escaped, then only the matches wrapped in `<mark>`. Whitespace runs collapse to one space.
 * @param excerpt the headline text
 * @returns HTML whose only elements are `<mark>`
 */
export function excerptHtml(excerpt: string): string {
  const text = excerpt
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e])
    .replace(/\*+|`+|(^|\s)#{1,6}(?=\s)/g, '$1') // Markdown emphasis, code and heading marks left in imported texts
    .replace(/\s+/g, ' ')
    .trim();
  return text
    .replace(/[&<>"']/g, (c) => ESCAPES[c])
    .split('\u0001')
    .join('<mark>')
    .split('\u0002')
    .join('</mark>');
}
