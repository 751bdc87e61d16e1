import { lazy, Suspense, type ComponentType } from 'react';
import { Outlet } from 'react-router';
import { Loading } from '../../ui/components/Loading';

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

/** The layout's outlet for lazily loaded pages: « Chargement… » (as the page heading) while a page's code arrives. */
export function LazyPageOutlet() {
  return (
    <Suspense fallback={<Loading page />}>
      <Outlet />
    </Suspense>
  );
}
