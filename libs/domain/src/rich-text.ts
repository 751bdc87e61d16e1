/**
 * What the server's sanitiser may take out of a participant's rich text, in kinds an author
 * understands (the web app words each one). The API reports them in the GraphQL response's
 * `extensions.contentRemoved` ({@link CONTENT_REMOVED_EXTENSION}) of the mutation that stored the
 * text, so the author is told instead of finding out later.
 */
export const RemovedContentKind = {
  /** `<img>`, `<picture>`, `<svg>`. */
  IMAGES: 'IMAGES',
  /** `<script>`, and event-handler attributes such as `onclick`. */
  SCRIPTS: 'SCRIPTS',
  /** `<iframe>`, `<object>`, `<embed>`, `<video>`, `<audio>`… */
  EMBEDS: 'EMBEDS',
  /** `<table>` and its rows and cells (their text is kept). */
  TABLES: 'TABLES',
  /** `<h1>` to `<h6>` (their text is kept as a paragraph's). */
  HEADINGS: 'HEADINGS',
  /** `<style>` sheets and `style` attributes (colours, fonts, sizes). */
  STYLES: 'STYLES',
  /** `<form>`, `<input>`, `<button>`, `<select>`, `<textarea>`. */
  FORMS: 'FORMS',
  /** Links whose destination is not http(s), mailto or relative (their text is kept). */
  UNSAFE_LINKS: 'UNSAFE_LINKS',
  /** Any other element (named in `otherElements`). */
  OTHER: 'OTHER',
} as const;
export type RemovedContentKind = (typeof RemovedContentKind)[keyof typeof RemovedContentKind];

/** The `extensions` key of a GraphQL response that carries a {@link ContentRemoved}. */
export const CONTENT_REMOVED_EXTENSION = 'contentRemoved';

/** What was removed from the texts a mutation stored (all its rich-text fields together). */
export interface ContentRemoved {
  /** Each kind once, in {@link RemovedContentKind} order. */
  kinds: RemovedContentKind[];
  /** How many links were made plain text. */
  unsafeLinks: number;
  /** Tag names of the OTHER kind, each once, sorted. */
  otherElements: string[];
}

const KIND_OF_TAG: Record<string, RemovedContentKind> = {
  ...Object.fromEntries(['img', 'picture', 'svg'].map((t) => [t, RemovedContentKind.IMAGES])),
  ...Object.fromEntries(['script', 'noscript'].map((t) => [t, RemovedContentKind.SCRIPTS])),
  ...Object.fromEntries(
    ['iframe', 'frame', 'frameset', 'object', 'embed', 'video', 'audio', 'canvas', 'math'].map(
      (t) => [t, RemovedContentKind.EMBEDS],
    ),
  ),
  ...Object.fromEntries(
    ['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col'].map(
      (t) => [t, RemovedContentKind.TABLES],
    ),
  ),
  ...Object.fromEntries(
    ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((t) => [t, RemovedContentKind.HEADINGS]),
  ),
  style: RemovedContentKind.STYLES,
  ...Object.fromEntries(
    ['form', 'input', 'button', 'select', 'option', 'textarea', 'label', 'fieldset'].map((t) => [
      t,
      RemovedContentKind.FORMS,
    ]),
  ),
};

/**
 * Wrappers whose removal changes nothing a reader sees (their content is kept): not reported.
 * `font` is not among them (it carries colours and faces: STYLES).
 */
const INVISIBLE_WRAPPERS = new Set([
  'html',
  'head',
  'body',
  'meta',
  'div',
  'span',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
]);

/**
 * The kind a removed element is reported as, or null when its removal is invisible (a `<div>`
 * or `<span>` wrapper whose text is kept).
 * @param tag the element's name, any case
 */
export function removedContentKindOf(tag: string): RemovedContentKind | null {
  const name = tag.toLowerCase();
  if (INVISIBLE_WRAPPERS.has(name)) return null;
  if (name === 'font') return RemovedContentKind.STYLES;
  return KIND_OF_TAG[name] ?? RemovedContentKind.OTHER;
}
