import { createElement, type ReactNode } from 'react';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/**
 * Renders a search excerpt (escaped text whose only elements are `<mark>`, from the API) as
 * React nodes: text and `<mark>` only — any other element is reduced to its text; content, in
 * the content language.
 */
export function SearchExcerpt({ html }: { html: string }) {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  const nodes: ReactNode[] = Array.from(body.childNodes).map((node, key) =>
    node.nodeType === Node.ELEMENT_NODE && (node as Element).tagName === 'MARK'
      ? createElement('mark', { key }, node.textContent)
      : node.textContent,
  );
  return (
    <p className="search-hit__excerpt" lang={CONTENT_LANGUAGE}>
      {nodes}
    </p>
  );
}
