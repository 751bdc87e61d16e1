/**
 * A tiny, safe Markdown subset for participatory texts: `#`/`##`/`###` headings,
 * paragraphs, `- ` (and `1. `) lists with nesting by indentation, and `**bold**`.
 * It produces a plain data tree; `Markdown.tsx` turns it into React elements, so any
 * HTML in the source stays text (React escapes it) — never `dangerouslySetInnerHTML`.
 */

export type Inline = { kind: 'text'; text: string } | { kind: 'strong'; text: string };

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

/** Splits `**bold**` runs from plain text; an unmatched `**` stays as text. */
export function parseInline(text: string): Inline[] {
  const result: Inline[] = [];
  let rest = text;
  while (rest.length > 0) {
    const open = rest.indexOf('**');
    const close = open >= 0 ? rest.indexOf('**', open + 2) : -1;
    if (open < 0 || close < 0 || close === open + 2) {
      push(result, { kind: 'text', text: rest });
      break;
    }
    if (open > 0) push(result, { kind: 'text', text: rest.slice(0, open) });
    push(result, { kind: 'strong', text: rest.slice(open + 2, close) });
    rest = rest.slice(close + 2);
  }
  return result;
}

function push(into: Inline[], inline: Inline): void {
  const last = into[into.length - 1];
  if (last && last.kind === 'text' && inline.kind === 'text') last.text += inline.text;
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
        last.content = parseInline(`${inlineText(last.content)} ${line.trim()}`);
        continue;
      }
    }
    closeList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  return blocks;
}

/** Back to the source text of inline content (for continuation lines). */
function inlineText(content: Inline[]): string {
  return content
    .map((inline) => (inline.kind === 'strong' ? `**${inline.text}**` : inline.text))
    .join('');
}
