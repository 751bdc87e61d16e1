import { isSafeLink } from '@concerto/domain';

/**
 * A tiny, safe Markdown subset for participatory texts: `#`/`##`/`###` headings, paragraphs,
 * `- ` (and `1. `) lists with nesting by indentation, and inline `**bold**` (or `__bold__`),
 * `*italic*` (or `_italic_`), `[links](https://…)` and backslash escapes — what the rich editor
 * (`@tiptap/markdown`) writes for an article or an amendment. It produces a plain data tree;
 * `Markdown.tsx` turns it into React elements, so any HTML in the source stays text (React
 * escapes it) — never `dangerouslySetInnerHTML`. CommonMark (https://spec.commonmark.org/) is
 * the reference for what it reads; constructs outside the subset stay as text.
 */

/** A run of text with the marks it carries; `href` is only set for a safe destination. */
export interface Inline {
  text: string;
  strong?: true;
  em?: true;
  href?: string;
}

export interface MarkdownList {
  ordered: boolean;
  items: MarkdownListItem[];
}

export interface MarkdownListItem {
  content: Inline[];
  children: MarkdownList | null;
}

export type MarkdownBlock =
  | { kind: 'heading'; depth: number; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; list: MarkdownList };

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const LIST_ITEM = /^([ \t]*)(?:([-*+])|(\d{1,9})[.)])[ \t]+(.*)$/;
/** `[text](destination "title")` at the start of a string, one level of parentheses in the destination. */
const LINK =
  /^\[((?:[^\]\\]|\\.)+)\]\(\s*(<[^>\n]*>|(?:[^\s()\\]|\\.|\([^\s()]*\))*)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/;
/** Characters a backslash escapes (CommonMark's ASCII punctuation). */
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;

/** The text of `source` with its backslash escapes resolved. */
function unescape(source: string): string {
  return source.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * Where the emphasis opened at `from` with `delimiter` (`*`, `_`, `**` or `__`) closes, or -1.
 * A closer follows a non-space character; `_` does not close inside a word (`snake_case`); a
 * single `*` skips over `**` pairs so `*a **b** c*` closes at the last star.
 */
function closerOf(source: string, from: number, delimiter: string): number {
  for (let i = from; i < source.length; i++) {
    if (source[i] === '\\') {
      i++;
      continue;
    }
    if (!source.startsWith(delimiter, i)) continue;
    if (delimiter.length === 1 && source[i + 1] === delimiter) {
      i++;
      continue;
    }
    if (i === from || /\s/.test(source[i - 1])) continue;
    if (delimiter[0] === '_' && WORD.test(source[i + delimiter.length] ?? '')) continue;
    // `***` closing `**`: the first star closes an emphasis inside (`**a *b***`)
    if (delimiter.length === 2 && source[i + 2] === delimiter[0]) return i + 1;
    return i;
  }
  return -1;
}

function parseRuns(source: string, marks: Omit<Inline, 'text'>, out: Inline[]): void {
  let text = '';
  const flush = () => {
    if (text) push(out, { text, ...marks });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (char === '\\' && ESCAPABLE.test(source[i + 1] ?? '')) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (char === '[' && marks.href === undefined) {
      const link = LINK.exec(source.slice(i));
      if (link) {
        const raw = link[2].startsWith('<') ? link[2].slice(1, -1) : link[2];
        const href = unescape(raw);
        flush();
        parseRuns(link[1], isSafeLink(href) ? { ...marks, href } : marks, out);
        i += link[0].length;
        continue;
      }
    }
    if (char === '*' || char === '_') {
      const double = source[i + 1] === char;
      const delimiter = double ? char + char : char;
      const opensWord = !/\s/.test(source[i + delimiter.length] ?? ' ');
      const afterWord = char === '_' && i > 0 && WORD.test(source[i - 1]);
      const close =
        opensWord && !afterWord ? closerOf(source, i + delimiter.length, delimiter) : -1;
      if (close > 0) {
        flush();
        parseRuns(
          source.slice(i + delimiter.length, close),
          double ? { ...marks, strong: true } : { ...marks, em: true },
          out,
        );
        i = close + delimiter.length;
        continue;
      }
      text += delimiter;
      i += delimiter.length;
      continue;
    }
    text += char;
    i++;
  }
  flush();
}

/** Splits a line's inline Markdown into runs of text with their marks; unmatched delimiters stay as text. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  parseRuns(source, {}, out);
  return out;
}

/** Whether two runs carry the same marks. */
export function sameMarks(a: Omit<Inline, 'text'>, b: Omit<Inline, 'text'>): boolean {
  return a.strong === b.strong && a.em === b.em && a.href === b.href;
}

function push(into: Inline[], inline: Inline): void {
  const last = into[into.length - 1];
  if (last && sameMarks(last, inline)) last.text += inline.text;
  else into.push(inline);
}

function indentWidth(indent: string): number {
  return indent.replace(/\t/g, '    ').length;
}

interface OpenList {
  indent: number;
  list: MarkdownList;
}

/**
 * Parses the supported subset into blocks.
 * @param source Markdown text (any line endings)
 */
export function parseMarkdown(source: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let stack: OpenList[] = [];
  // each open item's source text, for the indented lines that continue it
  const sources = new WeakMap<MarkdownListItem, string>();

  const flushParagraph = () => {
    if (paragraph.length)
      blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const closeList = () => {
    stack = [];
  };
  const lastItem = (): MarkdownListItem | undefined => {
    const top = stack[stack.length - 1];
    return top?.list.items[top.list.items.length - 1];
  };

  for (const rawLine of lines) {
    const line = rawLine.replace(/\s+$/, '');
    if (line.trim() === '') {
      flushParagraph();
      closeList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading && !/^[ \t]/.test(line)) {
      flushParagraph();
      closeList();
      blocks.push({ kind: 'heading', depth: heading[1].length, content: parseInline(heading[2]) });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flushParagraph();
      const indent = indentWidth(item[1]);
      const ordered = item[3] !== undefined;
      const entry: MarkdownListItem = { content: parseInline(item[4]), children: null };
      sources.set(entry, item[4]);
      if (stack.length === 0) {
        const list: MarkdownList = { ordered, items: [entry] };
        blocks.push({ kind: 'list', list });
        stack = [{ indent, list }];
        continue;
      }
      while (stack.length > 1 && indent < stack[stack.length - 1].indent) stack.pop();
      const top = stack[stack.length - 1];
      const parent = lastItem();
      if (indent > top.indent && parent) {
        const list: MarkdownList = { ordered, items: [entry] };
        parent.children = list;
        stack.push({ indent, list });
      } else {
        top.list.items.push(entry);
      }
      continue;
    }
    const open = lastItem();
    if (open && /^[ \t]+/.test(line)) {
      // An indented line right under a list item continues that item.
      const last = open.children ? null : open;
      if (last) {
        const source = `${sources.get(last) ?? ''} ${line.trim()}`;
        sources.set(last, source);
        last.content = parseInline(source);
        continue;
      }
    }
    closeList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  return blocks;
}
