/**
 * The difference between two versions of an article (or an article and an amendment's proposed
 * text) as the reader sees them: blocks (headings, paragraphs, list items) with their
 * formatting, words inserted and removed marked inside them — never Markdown source.
 *
 * Two passes, as in structural HTML diffs (DaisyDiff; Chawathe et al., « Change detection in
 * hierarchically structured information », SIGMOD 1996, match blocks before their contents):
 * 1. the blocks of both texts are aligned with Myers' O(ND) difference algorithm
 *    (E. W. Myers, « An O(ND) Difference Algorithm and Its Variations », Algorithmica 1986, the
 *    algorithm of jsdiff's `diffArrays`), identical blocks matching;
 * 2. in each run of changed blocks, a removed block and an added block of the same kind and depth
 *    that share enough words (Dice coefficient ≥ {@link PAIRING_THRESHOLD}) are one edited block,
 *    and their words (each with its marks: bold, italic, link) are diffed again with Myers; the
 *    other blocks are wholly removed or wholly added.
 * A word whose only change is its formatting (« mot » → « **mot** ») shows as removed then added.
 */

import { diffArrays } from 'diff';
import {
  parseMarkdown,
  sameMarks,
  type Inline,
  type MarkdownBlock,
  type MarkdownList,
} from '../components/utils/markdown';

/** How a block or a run changed from the old text to the new one; absent when unchanged. */
export type Change = 'added' | 'removed';

/** A run of text with its marks and, inside an edited block, how it changed. */
export interface DiffRun extends Inline {
  change?: Change;
}

/** One block of the rendered diff, in reading order. */
export interface DiffBlock {
  kind: 'heading' | 'paragraph' | 'item';
  /** Heading level (1–6) for a heading; nesting depth (0 = top level) for a list item. */
  depth: number;
  /** List items only: numbered list or bullets. */
  ordered?: boolean;
  /** Set when the whole block is new or gone; an edited block carries changes on its runs. */
  change?: Change;
  runs: DiffRun[];
}

/** Fewest shared words, as a Dice coefficient, for a removed and an added block to be one edited block. */
export const PAIRING_THRESHOLD = 0.5;

type FlatBlock = Omit<DiffBlock, 'change' | 'runs'> & { runs: Inline[] };

function flattenList(list: MarkdownList, depth: number, into: FlatBlock[]): void {
  for (const item of list.items) {
    into.push({ kind: 'item', depth, ordered: list.ordered, runs: item.content });
    if (item.children) flattenList(item.children, depth + 1, into);
  }
}

/** The blocks of a Markdown text, lists flattened to items with their depth. */
export function flatBlocks(markdown: string): FlatBlock[] {
  const blocks: FlatBlock[] = [];
  parseMarkdown(markdown).forEach((block: MarkdownBlock) => {
    if (block.kind === 'heading')
      blocks.push({ kind: 'heading', depth: block.depth, runs: block.content });
    else if (block.kind === 'paragraph')
      blocks.push({ kind: 'paragraph', depth: 0, runs: block.content });
    else flattenList(block.list, 0, blocks);
  });
  return blocks;
}

const blockKey = (block: FlatBlock): string =>
  JSON.stringify([block.kind, block.depth, block.ordered ?? null, block.runs]);

/** Words and the spaces between them, each carrying its run's marks. */
function tokens(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    for (const piece of run.text.split(/(\s+)/)) if (piece) out.push({ ...run, text: piece });
  }
  return out;
}

const isSpace = (token: Inline) => /^\s+$/.test(token.text);

/** Two tokens are the same word with the same marks; any two spaces are equal. */
function sameToken(a: Inline, b: Inline): boolean {
  if (isSpace(a) && isSpace(b)) return true;
  return a.text === b.text && sameMarks(a, b);
}

function words(runs: Inline[]): string[] {
  return tokens(runs)
    .filter((token) => !isSpace(token))
    .map((token) => token.text.toLocaleLowerCase('fr'));
}

/** Dice coefficient of two blocks' words (multiset): 1 = same words, 0 = none in common. */
export function similarity(a: Inline[], b: Inline[]): number {
  const left = words(a);
  const right = words(b);
  if (!left.length && !right.length) return 1;
  const counts = new Map<string, number>();
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of right) {
    const n = counts.get(word) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(word, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

function pushRun(into: DiffRun[], run: DiffRun): void {
  const last = into[into.length - 1];
  if (last && last.change === run.change && sameMarks(last, run)) last.text += run.text;
  else into.push({ ...run });
}

/** The runs of an edited block: its words diffed, each token marked added, removed or kept. */
export function diffRuns(before: Inline[], after: Inline[]): DiffRun[] {
  const out: DiffRun[] = [];
  for (const part of diffArrays(tokens(before), tokens(after), { comparator: sameToken })) {
    const change: Change | undefined = part.added ? 'added' : part.removed ? 'removed' : undefined;
    const value = part.value;
    // spaces at the edges of a change belong to the sentence, not to the words changed
    let first = 0;
    let last = value.length;
    if (change) {
      while (first < last && isSpace(value[first])) first++;
      while (last > first && isSpace(value[last - 1])) last--;
    }
    value.forEach((token, index) => {
      const changed = change && index >= first && index < last;
      pushRun(out, changed ? { ...token, change } : { ...token, change: undefined });
    });
  }
  out.forEach((run) => run.change === undefined && delete run.change);
  return out;
}

function whole(block: FlatBlock, change: Change): DiffBlock {
  return { ...block, change, runs: block.runs.map((run) => ({ ...run })) };
}

/** Pairs the removed and added blocks of one changed stretch, in order, when similar enough. */
function alignStretch(removed: FlatBlock[], added: FlatBlock[], out: DiffBlock[]): void {
  let r = 0;
  for (const next of added) {
    // the first removed block still waiting that is like this one: those before it are gone
    let match = -1;
    for (let i = r; i < removed.length; i++) {
      if (
        removed[i].kind === next.kind &&
        removed[i].depth === next.depth &&
        similarity(removed[i].runs, next.runs) >= PAIRING_THRESHOLD
      ) {
        match = i;
        break;
      }
    }
    if (match < 0) {
      out.push(whole(next, 'added'));
      continue;
    }
    while (r < match) out.push(whole(removed[r++], 'removed'));
    const old = removed[r++];
    out.push({
      kind: next.kind,
      depth: next.depth,
      ...(next.ordered !== undefined ? { ordered: next.ordered } : {}),
      runs: diffRuns(old.runs, next.runs),
    });
  }
  while (r < removed.length) out.push(whole(removed[r++], 'removed'));
}

/**
 * The rendered difference from `before` to `after` (both in the participatory texts' Markdown
 * subset, see `parseMarkdown`).
 * @returns blocks in reading order; unchanged blocks have no `change` and no changed run
 */
export function diffMarkdown(before: string, after: string): DiffBlock[] {
  const left = flatBlocks(before);
  const right = flatBlocks(after);
  const out: DiffBlock[] = [];
  let removed: FlatBlock[] = [];
  let added: FlatBlock[] = [];
  let l = 0;
  let r = 0;
  for (const part of diffArrays(left.map(blockKey), right.map(blockKey))) {
    const count = part.value.length;
    if (part.removed) {
      removed.push(...left.slice(l, l + count));
      l += count;
    } else if (part.added) {
      added.push(...right.slice(r, r + count));
      r += count;
    } else {
      alignStretch(removed, added, out);
      removed = [];
      added = [];
      for (const block of right.slice(r, r + count))
        out.push({ ...block, runs: block.runs.map((run) => ({ ...run })) });
      l += count;
      r += count;
    }
  }
  alignStretch(removed, added, out);
  return out;
}

/** Whether a diff changes anything. */
export function hasChanges(blocks: DiffBlock[]): boolean {
  return blocks.some((block) => block.change || block.runs.some((run) => run.change));
}
