/** Link schemes a participant's link may use; relative links (`#article-3`, `/recherche`) have none. */
export const SAFE_LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

/**
 * Whether a link destination may become an `href`: http(s), mailto, or relative. Read as a
 * browser reads it: control characters and spaces are dropped before the scheme (`java\tscript:`
 * is `javascript:`), and a percent-encoded scheme is decoded (`javascript%3A` is refused too).
 * Used by the API when it stores Markdown (participatory texts, amendments) and by the web app
 * when it renders Markdown, so both refuse the same links.
 * Sources: WHATWG URL Standard, « scheme state » (leading C0 controls and spaces stripped, tab
 * and newline removed anywhere); OWASP XSS Filter Evasion Cheat Sheet (embedded tab, encoded
 * scheme).
 * @param href the destination with Markdown entities and escapes already resolved
 * @returns true when the destination has no scheme or one of {@link SAFE_LINK_SCHEMES}
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
  return !scheme || SAFE_LINK_SCHEMES.includes(scheme[1].toLowerCase());
}
