import type { ReactNode } from 'react';
import { CONTENT_LANGUAGE } from '../content-language';

/**
 * Text written by people or by the server (a title, a summary, an excerpt) inside an interface
 * string: a `<span>` in the content language (see `content-language.ts`). Block elements that
 * hold only content (a page's `<h1>`, a card title) take `lang={CONTENT_LANGUAGE}` themselves.
 */
export function UserText({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span lang={CONTENT_LANGUAGE} className={className}>
      {children}
    </span>
  );
}
