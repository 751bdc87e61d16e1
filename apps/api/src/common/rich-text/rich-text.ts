import sanitizeHtml from 'sanitize-html';
import {
  emptyRemoval,
  noteClosedElement,
  noteRemovedElement,
  reportRemoval,
} from './content-removed';

/** Tags a participant's rich text may keep (Decidim's basic editor set). */
const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'ul',
  'ol',
  'li',
  'a',
  'blockquote',
];
const ALLOWED = new Set(ALLOWED_TAGS);
/** A link that kept its destination, as sanitize-html writes it. */
const LINK_WITH_HREF = /<a\s[^>]*\bhref=/gi;

/**
 * Sanitises user-written rich text on the server (sanitize-html): keeps a small set of
 * formatting tags, `href` on links (http, https, mailto only, opened with `rel="nofollow
 * noopener"`), drops everything else — scripts, styles, event handlers, iframes. Plain text
 * without tags becomes paragraphs (split on blank lines), with `<`, `>` and `&` escaped.
 * What it removes that a reader would have seen (images, scripts, tables, headings, styles,
 * unsafe links…) is reported to the request under way, whose mutation response tells the author
 * (`content-removed.ts`).
 * @param input HTML or plain text from a participant
 * @returns safe HTML
 */
export function sanitizeRichText(input: string): string {
  const source = /<[a-z!/][^>]*>/i.test(input)
    ? input
    : input
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
        .join('');
  const removal = emptyRemoval();
  let linksIn = 0;
  const html = sanitizeHtml(source, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'rel', 'target'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: {
      a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener', target: '_blank' }),
    },
    disallowedTagsMode: 'discard',
    onOpenTag(name, attributes) {
      if (!ALLOWED.has(name)) noteRemovedElement(removal, name);
      else if (name === 'a' && 'href' in attributes) linksIn++;
      for (const attribute of Object.keys(attributes)) {
        if (attribute === 'style') removal.kinds.add('STYLES');
        else if (/^on/i.test(attribute)) removal.kinds.add('SCRIPTS');
      }
    },
    onCloseTag: (name) => noteClosedElement(removal, name),
  }).trim();
  // links whose href sanitize-html refused (its scheme rules, not ours): those it wrote back lost none
  removal.unsafeLinks = Math.max(0, linksIn - (html.match(LINK_WITH_HREF) ?? []).length);
  reportRemoval(input, removal);
  return html;
}

/**
 * The visible text of sanitised HTML (tags removed, entities decoded, whitespace collapsed),
 * used to enforce length limits on what readers actually see.
 * @returns the text; its `.length` is the count of UTF-16 code units
 */
export function richTextToPlain(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|li|blockquote)>|<br\s*\/?>/gi, '$& '), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
