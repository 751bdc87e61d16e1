import { isSafeLink } from '@concerto/domain';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import {
  emptyRemoval,
  noteClosedElement,
  noteRemovedElement,
  reportRemoval,
} from '../../common/rich-text/content-removed';

/** A parser that keeps every link (no `validateLink` filter), to see what a renderer would see. */
const parser = new MarkdownIt('commonmark');
parser.validateLink = () => true;

/**
 * What every CommonMark link or image needs somewhere in the text: `](` (inline), `]:` (the
 * definition a reference link points to) or `<scheme:` (autolink). Without any, there is no link
 * and the parse is skipped.
 */
const MAY_HOLD_A_LINK = /\]\(|\]:|<[a-z][a-z0-9+.-]*:/i;

/** The destinations of every link and image markdown-it finds in `markdown`. */
function linkTargets(markdown: string): string[] {
  if (!MAY_HOLD_A_LINK.test(markdown)) return [];
  const targets: string[] = [];
  const walk = (tokens: ReturnType<typeof parser.parse>) => {
    for (const token of tokens) {
      const href = token.attrGet('href') ?? token.attrGet('src');
      if ((token.type === 'link_open' || token.type === 'image') && href !== null)
        targets.push(String(href));
      if (token.children) walk(token.children);
    }
  };
  walk(parser.parse(markdown, {}));
  return targets;
}

/** Inline links and images `[text](dest "title")`, with one level of balanced parentheses in `dest`. */
const INLINE_LINK =
  /(!?)\[((?:[^\]\\]|\\.)*)\]\(\s*(<[^>\n]*>|(?:[^\s()\\]|\\.|\([^\s()]*\))*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
/** Autolinks `<scheme:…>`. */
const AUTOLINK = /<([a-z][a-z0-9+.-]{1,31}:[^<>\s]*)>/gi;
/** E-mail autolinks `<name@example.org>` (CommonMark's definition), links to `mailto:`. */
const EMAIL_AUTOLINK =
  /<([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>/g;
/** Link reference definitions `[label]: dest`. */
const REFERENCE = /^( {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*\n?[ \t]*)(<[^>\n]*>|\S+)/gm;

/** The decoded destination markdown-it reads from raw `dest` text. */
function destinationOf(raw: string): string {
  const inner = raw.startsWith('<') && raw.endsWith('>') ? raw.slice(1, -1) : raw;
  return linkTargets(`[x](<${inner.replace(/[<>\n]/g, '')}>)`)[0] ?? inner;
}

/**
 * Rewrites every link whose destination is not http(s), mailto or relative: an inline link
 * keeps its text, an image its alt text, an autolink becomes plain text, a reference
 * definition points at `#`. If markdown-it still finds an unsafe link afterwards (a form no
 * rewrite foresaw), every `[`, `]`, `<` and `>` is escaped so that nothing is a link at all.
 * @param unsafeLinks how many unsafe destinations markdown-it found in `markdown` (0: unchanged)
 */
function withSafeLinks(markdown: string, unsafeLinks: number): string {
  if (!unsafeLinks) return markdown;
  const rewritten = markdown
    .replace(INLINE_LINK, (whole, _bang: string, text: string, dest: string) =>
      isSafeLink(destinationOf(dest)) ? whole : text,
    )
    .replace(AUTOLINK, (whole, dest: string) => (isSafeLink(dest) ? whole : dest))
    .replace(REFERENCE, (whole, head: string, dest: string) =>
      isSafeLink(destinationOf(dest)) ? whole : `${head}#`,
    );
  if (linkTargets(rewritten).every(isSafeLink)) return rewritten;
  return rewritten.replace(/[[\]<>]/g, (c) => `\\${c}`);
}

/**
 * Cleans Markdown written by a participant or an admin: every HTML tag is removed (and the
 * content of `<script>`/`<style>`), links and images are limited to http(s), mailto and
 * relative destinations (`[lien](javascript:alert(1))` keeps only « lien »), the rest is kept
 * as typed — Markdown is rendered by the web app's safe renderer, which escapes text. Line
 * endings become `\n`; the result is trimmed. What it removed is reported to the request under
 * way, whose mutation response tells the author (`common/rich-text/content-removed.ts`).
 * @param input Markdown, possibly with HTML
 * @returns Markdown without HTML and without unsafe links
 */
export function cleanMarkdown(input: string): string {
  // `<https://…>` and `<name@example.org>` are Markdown autolinks, not tags: kept from
  // sanitize-html as text (a scheme is checked below; an e-mail address is a mailto: link)
  const source = input
    .replace(/\r\n?/g, '\n')
    .replace(AUTOLINK, '&lt;$1&gt;')
    .replace(EMAIL_AUTOLINK, '&lt;$1&gt;');
  const removal = emptyRemoval();
  const text = sanitizeHtml(source, {
    allowedTags: [],
    allowedAttributes: {},
    disallowedTagsMode: 'discard',
    onOpenTag: (name) => noteRemovedElement(removal, name),
    onCloseTag: (name) => noteClosedElement(removal, name),
  })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
  removal.unsafeLinks = linkTargets(text).filter((href) => !isSafeLink(href)).length;
  reportRemoval(input, removal);
  return withSafeLinks(text, removal.unsafeLinks);
}
