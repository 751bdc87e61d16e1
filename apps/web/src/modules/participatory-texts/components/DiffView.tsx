import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { renderRun } from '../../components/components/Markdown';
import { CONTENT_LANGUAGE } from '../../ui/content-language';
import {
  diffMarkdown,
  hasChanges,
  type Change,
  type DiffBlock,
  type DiffRun,
} from '../rendered-diff';

/**
 * Wraps changed content in `<ins>`/`<del>` with words for screen readers (« début de l'ajout »…)
 * since colour and strike-through are not read out; the words are interface strings inside
 * French content, so they carry the interface language.
 */
function Changed({ change, children }: { change: Change; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [start, end] =
    change === 'added'
      ? [t('texts.diff.addedStart'), t('texts.diff.addedEnd')]
      : [t('texts.diff.removedStart'), t('texts.diff.removedEnd')];
  const inner = (
    <>
      <span className="visually-hidden" lang={i18n.language}>{`[${start}] `}</span>
      {children}
      <span className="visually-hidden" lang={i18n.language}>{` [${end}]`}</span>
    </>
  );
  return change === 'added' ? <ins>{inner}</ins> : <del>{inner}</del>;
}

/** A block's runs, consecutive runs with the same change in one `<ins>` or `<del>`. */
function Runs({ block }: { block: DiffBlock }) {
  const groups: { change?: Change; runs: DiffRun[] }[] = [];
  for (const run of block.runs) {
    const last = groups[groups.length - 1];
    if (last && last.change === run.change) last.runs.push(run);
    else groups.push({ change: run.change, runs: [run] });
  }
  const content = groups.map((group, index) =>
    group.change ? (
      <Changed key={index} change={group.change}>
        {group.runs.map(renderRun)}
      </Changed>
    ) : (
      group.runs.map((run, i) => renderRun(run, `${index}-${i}`))
    ),
  );
  return block.change ? <Changed change={block.change}>{content}</Changed> : <>{content}</>;
}

const blockClass = (block: DiffBlock, base: string) =>
  block.change ? `${base} diff__block--${block.change}` : base;

/** Items from `start` at `depth` (and the deeper ones under them, nested); returns where it stopped. */
function renderItems(blocks: DiffBlock[], start: number, depth: number): [ReactNode, number] {
  const items: ReactNode[] = [];
  const ordered = blocks[start].ordered;
  let i = start;
  while (i < blocks.length && blocks[i].kind === 'item' && blocks[i].depth >= depth) {
    const block = blocks[i];
    if (block.depth > depth) {
      // a deeper item with no parent at this depth: an unnamed item holds it
      const [nested, next] = renderItems(blocks, i, block.depth);
      items.push(<li key={i}>{nested}</li>);
      i = next;
      continue;
    }
    i++;
    let nested: ReactNode = null;
    if (i < blocks.length && blocks[i].kind === 'item' && blocks[i].depth > depth) {
      [nested, i] = renderItems(blocks, i, blocks[i].depth);
    }
    items.push(
      <li key={i} className={blockClass(block, 'diff__item')}>
        <Runs block={block} />
        {nested}
      </li>,
    );
    if (
      i < blocks.length &&
      blocks[i].kind === 'item' &&
      blocks[i].depth === depth &&
      blocks[i].ordered !== ordered
    )
      break;
  }
  const list = ordered ? <ol key={start}>{items}</ol> : <ul key={start}>{items}</ul>;
  return [list, i];
}

/**
 * The rendered difference between two versions of a text in the participatory texts' Markdown:
 * headings, paragraphs and lists as the reader sees them, inserted words in `<ins>` and removed
 * ones in `<del>` (see `rendered-diff.ts` for the method). The text is in the content language
 * (`content-language.ts`).
 * @param before the earlier text (Markdown)
 * @param after the later text (Markdown)
 * @param label the group's accessible name (e.g. « Différences entre les versions 1 et 2 »)
 */
export function DiffView({
  before,
  after,
  label,
}: {
  before: string;
  after: string;
  label: string;
}) {
  const { t } = useTranslation();
  const blocks = useMemo(() => diffMarkdown(before, after), [before, after]);
  const nodes: ReactNode[] = [];
  for (let i = 0; i < blocks.length; ) {
    const block = blocks[i];
    if (block.kind === 'item') {
      const [list, next] = renderItems(blocks, i, block.depth);
      nodes.push(list);
      i = next;
      continue;
    }
    nodes.push(
      <p
        key={i}
        className={blockClass(
          block,
          block.kind === 'heading'
            ? `diff__heading diff__heading--${block.depth}`
            : 'diff__paragraph',
        )}
      >
        <Runs block={block} />
      </p>,
    );
    i++;
  }
  return (
    <div className="diff" role="group" aria-label={label}>
      {hasChanges(blocks) ? null : <p className="muted">{t('texts.diff.noChange')}</p>}
      <div className="diff__text prose" lang={CONTENT_LANGUAGE}>
        {nodes}
      </div>
    </div>
  );
}
