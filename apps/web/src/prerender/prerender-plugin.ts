import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Plugin } from 'vite';

/** Where the build's HTML holds the rendered shell: `<div id="root"><!--app-shell--></div>`. */
export const SHELL_START = '<!--app-shell-->';
export const SHELL_END = '<!--/app-shell-->';
/**
 * The file (beside index.html) the API reads: `{ pages: { [path]: html }, titled: html, en }`, the
 * prerendered `#root` content of some paths, the generic shell whose loading page is titled
 * {@link PAGE_HEADING_TOKEN} (the API puts a space's or component's title there), and under `en`
 * the same in English with the generic shell (`{ shell, pages, titled }`), for the readers who
 * chose English (index.html holds the French shell).
 */
export const PRERENDERED_PAGES_FILE = 'prerendered-pages.json';
/** Placeholder of the page's title in the `titled` shell. */
export const PAGE_HEADING_TOKEN = '%PAGE_HEADING%';

/** What the build renders in one language: the generic shell, some paths' pages, the titled shell. */
interface Renders {
  shell: string;
  pages: Record<string, string>;
  titled: string;
}

/**
 * The shell is shown until React renders over it: its form controls are disabled, so nothing can
 * be typed into a field that is about to be replaced (links work: they are plain links).
 * @param html markup rendered by React (well-formed, attributes quoted)
 */
export function inertControls(html: string): string {
  return html.replace(/<(input|button|select|textarea)\b/g, '<$1 disabled=""');
}

/**
 * Vite plugin (build only): renders the app's first screen at build time with
 * `src/prerender/prerender-page.tsx`, through a Vite server in SSR mode using the same
 * configuration (plugins, strings, aliases) as the build.
 * - `index.html` gets the generic shell (header, « Chargement… », footer) between
 *   {@link SHELL_START} and {@link SHELL_END}: every page paints it before any script runs.
 * - {@link PRERENDERED_PAGES_FILE} maps each of `paths` to its own render (the home page's
 *   introduction and cards, a list page's heading and current link), which the API puts in place
 *   of the generic shell when it serves that path (`web-app-serving.ts`), and holds the shell
 *   titled {@link PAGE_HEADING_TOKEN}, for the pages whose title the API knows.
 * @param configFile this Vite configuration file
 * @param paths the app's paths whose first screen needs no data
 */
export function prerenderPages(configFile: string, paths: readonly string[]): Plugin {
  let french: Renders | undefined;
  let english: Renders | undefined;
  return {
    name: 'concerto-prerender',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!html.includes(SHELL_START)) throw new Error(`index.html has no ${SHELL_START}`);
        const server = await createServer({
          configFile,
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, ws: false },
        });
        try {
          const { prerenderPage } = (await server.ssrLoadModule(
            '/src/prerender/prerender-page.tsx',
          )) as typeof import('./prerender-page');
          /** The generic shell, each path's page and the titled shell, in `language`. */
          const render = async (language: 'fr' | 'en'): Promise<Renders> => {
            const pages: Record<string, string> = {};
            for (const path of paths)
              pages[path] = inertControls(await prerenderPage(path, undefined, language));
            const titled = inertControls(await prerenderPage(null, PAGE_HEADING_TOKEN, language));
            if (!titled.includes(PAGE_HEADING_TOKEN))
              throw new Error('the titled shell lost its token');
            const shell = inertControls(await prerenderPage(null, undefined, language));
            return { shell, pages, titled };
          };
          french = await render('fr');
          english = await render('en');
          return html.replace(SHELL_START, `${SHELL_START}${french.shell}${SHELL_END}`);
        } finally {
          await server.close();
        }
      },
    },
    writeBundle(options) {
      if (!options.dir || !french) return;
      // index.html holds the French shell; the English one travels in the file
      const { pages, titled } = french;
      writeFileSync(
        join(options.dir, PRERENDERED_PAGES_FILE),
        JSON.stringify({ pages, titled, en: english }),
      );
    },
  };
}
