import MarkdownIt from 'markdown-it';
import { hasVisibleText, trimText } from '../../common/validation/visible-text';

/** A heading of the imported document; `parentIndex` points at the enclosing heading (lower level). */
export interface ImportedSection {
  level: number;
  title: string;
  parentIndex: number | null;
}

/** A top-level block (paragraph, list, quote, table, code) of the document, numbered from 1. */
export interface ImportedArticle {
  number: number;
  sectionIndex: number | null;
  body: string;
}

/** Block structure only: the split reads block tokens and their source lines, never inline
 * children (a heading's title is its raw `content`), so inline parsing — most of the cost on a
 * long document — is switched off. */
const parser = new MarkdownIt('commonmark').disable('inline');

/**
 * Splits a Markdown document into sections and articles from markdown-it's token stream:
 * each heading opens a section nested under the nearest preceding heading of a lower level;
 * each other top-level block (a paragraph, a whole list with its nested items, a quote, a
 * table, a code block) is one article, numbered 1, 2, … in document order, attached to the
 * last section opened before it (or to none). An article's body is the block's Markdown
 * source (the lines markdown-it maps it to), trimmed. Thematic breaks and HTML blocks are
 * dropped.
 * @param markdown the document (CommonMark)
 * @returns sections in document order and articles in document order (may be empty)
 */
export function splitMarkdownDocument(markdown: string): {
  sections: ImportedSection[];
  articles: ImportedArticle[];
} {
  const source = markdown.replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  const tokens = parser.parse(source, {});
  const sections: ImportedSection[] = [];
  const articles: ImportedArticle[] = [];
  const stack: number[] = []; // indexes of open sections, increasing levels
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.level !== 0 || token.nesting === -1) continue;
    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1));
      const title = trimText(tokens[i + 1]?.content ?? '');
      while (stack.length && sections[stack[stack.length - 1]].level >= level) stack.pop();
      sections.push({
        level,
        title: title || '—',
        parentIndex: stack.length ? stack[stack.length - 1] : null,
      });
      stack.push(sections.length - 1);
      continue;
    }
    if (token.type === 'hr' || token.type === 'html_block' || !token.map) continue;
    const body = lines.slice(token.map[0], token.map[1]).join('\n').trim();
    if (!hasVisibleText(body)) continue;
    articles.push({
      number: articles.length + 1,
      sectionIndex: stack.length ? stack[stack.length - 1] : null,
      body,
    });
  }
  return { sections, articles };
}
