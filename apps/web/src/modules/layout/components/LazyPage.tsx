import { lazy, Suspense, type ComponentType } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Loading } from '../../ui/components/Loading';
import { SHELL_PAGE_CLASS, shellPageFor } from '../shell/shellHeading';

/**
 * A page component loaded on first use, from a module that exports it by name (our pages
 * are named exports). The module becomes its own chunk in the build.
 * @param load dynamic import of the page's module
 * @param name the exported name of the page component
 */
export function lazyPage<M extends Record<string, unknown>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): ComponentType<M[K] extends ComponentType<infer P> ? P : never> {
  return lazy(async () => ({
    default: (await load())[name] as ComponentType<M[K] extends ComponentType<infer P> ? P : never>,
  }));
}

/**
 * While a page's code arrives: the page as the server sent it, if this is the path the app was
 * loaded at (the same screen stays, `shellHeading.ts`), else « Chargement… » as the page heading.
 */
function PageFallback() {
  const page = shellPageFor(useLocation().pathname);
  if (!page) return <Loading page />;
  // markup of our own build (prerendered) or server (titles escaped), never user input as such
  return <div className={SHELL_PAGE_CLASS} dangerouslySetInnerHTML={{ __html: page }} />;
}

/** The layout's outlet for lazily loaded pages (see {@link PageFallback} while one loads). */
export function LazyPageOutlet() {
  return (
    <Suspense fallback={<PageFallback />}>
      <Outlet />
    </Suspense>
  );
}
