import { createElement, Fragment, type ReactNode } from 'react';
import { CONTENT_LANGUAGE } from '../../ui/content-language';
import { parseMarkdown, type Inline, type MarkdownList } from '../utils/markdown';

/** One run with its marks: a link around strong around emphasis. */
export function renderRun(run: Inline, key: number | string): ReactNode {
  let node: ReactNode = run.text;
  if (run.em) node = <em>{node}</em>;
  if (run.strong) node = <strong>{node}</strong>;
  if (run.href !== undefined) node = <a href={run.href}>{node}</a>;
  return <Fragment key={key}>{node}</Fragment>;
}

function renderInline(content: Inline[]): ReactNode[] {
  return content.map(renderRun);
}

function renderList(list: MarkdownList, key?: number): ReactNode {
  const items = list.items.map((item, index) => (
    <li key={index}>
      {renderInline(item.content)}
      {item.children ? renderList(item.children) : null}
    </li>
  ));
  return list.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
}

/**
 * Renders the Markdown subset of `parseMarkdown` as React elements, in the content language
 * (`lang`, see `content-language.ts`).
 * @param headingOffset added to each heading's depth, so that `#` sits under the page's `<h1>`
 */
export function Markdown({
  source,
  headingOffset = 1,
  className,
}: {
  source: string;
  headingOffset?: number;
  className?: string;
}) {
  const blocks = parseMarkdown(source);
  return (
    <div className={className} lang={CONTENT_LANGUAGE}>
      {blocks.map((block, index) => {
        switch (block.kind) {
          case 'heading':
            return createElement(
              `h${Math.min(6, block.depth + headingOffset)}`,
              { key: index },
              ...renderInline(block.content),
            );
          case 'paragraph':
            return <p key={index}>{renderInline(block.content)}</p>;
          case 'list':
            return renderList(block.list, index);
        }
      })}
    </div>
  );
}
