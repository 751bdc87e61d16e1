import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Link schemes a stored Markdown link may use; relative links (`#article-3`, `/recherche`) have none. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** A parser that keeps every link (no `validateLink` filter), to see what a renderer would see. */
const parser = new MarkdownIt('commonmark');
parser.validateLink = () => true;

/**
 * Whether a link destination is allowed at storage: http(s), mailto, or relative. Control
 * characters and spaces are dropped before the scheme is read, as browsers do
 * (`java\tscript:` is `javascript:`).
 * @param href the destination as markdown-it decoded it (entities and escapes resolved)
 */
export function isSafeLink(href: string): boolean {
  // eslint-disable-next-line no-control-regex -- browsers ignore these characters inside a scheme
  const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  let decoded = compact;
  try {
    decoded = decodeURIComponent(compact);
  } catch {
    /* not percent-encoded text */
  }
  // eslint-disable-next-line no-control-regex -- the same characters, once percent-decoded
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(decoded.replace(/[\u0000-\u0020]/g, ''));
  return !scheme || SAFE_SCHEMES.has(scheme[1].toLowerCase());
}

/** The destinations of every link and image markdown-it finds in `markdown`. */
function linkTargets(markdown: string): string[] {
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
 */
function withSafeLinks(markdown: string): string {
  if (linkTargets(markdown).every(isSafeLink)) return markdown;
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
 * endings become `\n`; the result is trimmed.
 * @param input Markdown, possibly with HTML
 * @returns Markdown without HTML and without unsafe links
 */
export function cleanMarkdown(input: string): string {
  // `<https://…>` is a Markdown autolink, not a tag: kept from sanitize-html as text (its scheme is checked below)
  const source = input.replace(/\r\n?/g, '\n').replace(AUTOLINK, '&lt;$1&gt;');
  const text = sanitizeHtml(source, {
    allowedTags: [],
    allowedAttributes: {},
    disallowedTagsMode: 'discard',
  })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
  return withSafeLinks(text);
}
