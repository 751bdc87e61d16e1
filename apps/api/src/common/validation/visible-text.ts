/**
 * Characters that take no visible room: white space, Unicode format characters (category Cf:
 * zero-width space/joiners, byte-order mark, bidirectional controls, soft hyphen, …) and the
 * "blank letters" used to fake a non-empty name (Braille blank, Hangul fillers, combining
 * grapheme joiner).
 */
const INVISIBLE = '(?:[\\s\\p{Cf}\\u2800\\u3164\\uFFA0\\u115F\\u1160]|\\u034F)';
const INVISIBLE_ALL = new RegExp(INVISIBLE, 'gu');
const INVISIBLE_EDGES = new RegExp(`^${INVISIBLE}+|${INVISIBLE}+$`, 'gu');

/**
 * Trims white space and invisible characters (see above) from both ends of a text, so that a
 * length rule counts what readers see: a title of zero-width spaces trims to "".
 * @param text any string
 * @returns the text without leading or trailing invisible characters
 */
export function trimText(text: string): string {
  return text.replace(INVISIBLE_EDGES, '');
}

/**
 * Whether a text holds at least one visible character (not white space, not a format
 * character such as U+200B, not a blank letter).
 * @param text any string (plain text, or the plain text of rich text)
 */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE_ALL, '').length > 0;
}

/**
 * class-transformer `@Transform` function for text inputs: {@link trimText} on strings,
 * other values unchanged (the validators then reject them). Use as `@Transform(trimmedText)`.
 */
export const trimmedText = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? trimText(value) : value;

/**
 * A text reduced to what readers compare: invisible characters removed, white space inside a
 * line made one space, lines trimmed, blank-line runs made one — e.g. to refuse an amendment
 * that changes nothing visible.
 * @param text plain text or Markdown
 */
export function comparableText(text: string): string {
  return text
    .replace(/\p{Cf}|\u034F/gu, '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
