import sanitizeHtml from 'sanitize-html';

/**
 * Cleans Markdown written by a participant or an admin: every HTML tag is removed (and the
 * content of `<script>`/`<style>`), the rest is kept as typed — Markdown is rendered by the
 * web app's safe renderer, which escapes text. Line endings become `\n`; the result is trimmed.
 * @param input Markdown, possibly with HTML
 * @returns Markdown without HTML
 */
export function cleanMarkdown(input: string): string {
  return sanitizeHtml(input.replace(/\r\n?/g, '\n'), { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'discard' })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}
