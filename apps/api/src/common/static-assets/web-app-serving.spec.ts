import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  API_PATH_PREFIXES,
  APP_SHELL_END,
  APP_SHELL_START,
  htmlForPath,
  LANGUAGE_COOKIE,
  PAGE_HEADING_BUDGET_MS,
  PAGE_HEADING_TOKEN,
  type PageHeading,
  PRERENDERED_PAGES_FILE,
  shellLanguage,
  withinBudget,
} from './web-app-serving';

/** Every `@Controller('path')` of the API, read from the sources. */
function controllerPaths(): { file: string; path: string }[] {
  const root = join(__dirname, '../..');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/@Controller\(\s*'([^']+)'\s*\)/g)].map(
        (m) => ({ file, path: m[1] }),
      ),
    );
}

describe('web app serving: API paths are never answered with the HTML page', () => {
  it('finds the controllers (the scan works)', () => {
    expect(controllerPaths().map((c) => c.path)).toEqual(
      expect.arrayContaining(['avatars', 'exports/surveys']),
    );
  });

  it('every controller path lies under an API path prefix (found by a test: an avatar answered text/html once the web app was built)', () => {
    const uncovered = controllerPaths().filter(
      ({ path }) =>
        !API_PATH_PREFIXES.some((prefix) =>
          `/${path.replace(/^\//, '')}/`.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
        ),
    );
    expect(uncovered).toEqual([]);
  });
});

describe('web app serving: the first screen in the HTML', () => {
  const index = `<html><head><title>Concerto</title></head><body><div id="root">${APP_SHELL_START}<p>shell</p>${APP_SHELL_END}</div><script src="/assets/a.js"></script></body></html>`;
  const pages = {
    pages: { '/': '<h1>Accueil</h1>', '/concertations': '<h1>Concertations</h1>' },
    titled: `<h1 data-page-heading="">${PAGE_HEADING_TOKEN}</h1><p>Chargement…</p>`,
  };

  it('puts a prerendered page in place of the generic shell, with its title', () => {
    const html = htmlForPath(index, '/concertations/', pages);
    expect(html).toContain(`${APP_SHELL_START}<h1>Concertations</h1>${APP_SHELL_END}</div>`);
    expect(html).not.toContain('<p>shell</p>');
    expect(html).toContain('<title>Concertations · Concerto</title>');
    expect(html).toContain('<script src="/assets/a.js"></script>');
  });

  it('keeps the generic shell for other paths, and for names of Object.prototype', () => {
    for (const path of ['/espaces/x', '/constructor', '/__proto__', '/toString']) {
      expect(htmlForPath(index, path, pages)).toContain('<p>shell</p>');
    }
  });

  it('titles the shell of a page whose title the server knows, escaped, in <title> too', () => {
    const heading = { heading: 'Charte <b>&</b> $& « 1 »', documentTitle: 'Charte <b> · Espace' };
    const html = htmlForPath(index, '/espaces/x/f/y', pages, heading);
    expect(html).toContain(
      '<h1 data-page-heading="">Charte &lt;b&gt;&amp;&lt;/b&gt; $&amp; « 1 »</h1><p>Chargement…</p>',
    );
    expect(html).toContain('<title>Charte &lt;b&gt; · Espace · Concerto</title>');
    expect(html).not.toContain('<p>shell</p>');
    // a prerendered page keeps its own screen; no titled shell in the build: the generic one
    expect(htmlForPath(index, '/', pages, heading)).toContain('<h1>Accueil</h1>');
    expect(htmlForPath(index, '/espaces/x', { ...pages, titled: '' }, heading)).toContain(
      '<p>shell</p>',
    );
  });

  it('keeps the HTML as it is when it has no markers (a build without the shell)', () => {
    const bare =
      '<html><head><title>Concerto</title></head><body><div id="root"></div></body></html>';
    expect(htmlForPath(bare, '/', pages)).toBe(bare.replace('Concerto<', 'Accueil · Concerto<'));
  });

  it('sends the English first screen to a reader who chose English (the language cookie), else the French one', () => {
    const french = `<html lang="fr"><head><title>Concerto</title></head><body><div id="root">${APP_SHELL_START}<p>shell</p>${APP_SHELL_END}</div></body></html>`;
    const both = {
      ...pages,
      en: {
        shell: '<p>English shell</p>',
        pages: { '/': '<h1>Home</h1>' },
        titled: `<h1 data-page-heading="">${PAGE_HEADING_TOKEN}</h1><p>Loading…</p>`,
      },
    };
    const home = htmlForPath(french, '/', both, null, 'en');
    expect(home).toContain('<html lang="en">');
    expect(home).toContain(`${APP_SHELL_START}<h1>Home</h1>${APP_SHELL_END}`);
    // the fixed pages' titles are French here: the app sets the English one
    expect(home).toContain('<title>Concerto</title>');
    expect(htmlForPath(french, '/agenda', both, null, 'en')).toContain('<p>English shell</p>');
    // a space's title is its content, in its own language
    const space = htmlForPath(
      french,
      '/espaces/x',
      both,
      { heading: 'Charte', documentTitle: 'Charte · Espace' },
      'en',
    );
    expect(space).toContain('<h1 data-page-heading="">Charte</h1><p>Loading…</p>');
    expect(space).toContain('<title>Charte · Espace · Concerto</title>');
    // French, or a build without English renders: the French page
    expect(htmlForPath(french, '/', both, null, 'fr')).toContain('<html lang="fr">');
    expect(htmlForPath(french, '/', both, null, 'fr')).toContain('<h1>Accueil</h1>');
    expect(htmlForPath(french, '/', pages, null, 'en')).toContain('<h1>Accueil</h1>');
  });

  it('reads the language from the Cookie header: English only when it says so', () => {
    expect(shellLanguage(undefined)).toBe('fr');
    expect(shellLanguage('')).toBe('fr');
    expect(shellLanguage(`a=1; ${LANGUAGE_COOKIE}=en; b=2`)).toBe('en');
    expect(shellLanguage(`${LANGUAGE_COOKIE}=fr`)).toBe('fr');
    expect(shellLanguage(`${LANGUAGE_COOKIE}=de`)).toBe('fr');
    expect(shellLanguage(`${LANGUAGE_COOKIE}=%E0%A4%A`)).toBe('fr');
    expect(shellLanguage(';;;=;')).toBe('fr');
  });

  it('uses the cookie name the web app writes (apps/web/src/i18n/i18n.ts)', () => {
    const i18n = readFileSync(join(__dirname, '../../../../web/src/i18n/i18n.ts'), 'utf8');
    expect(i18n).toContain(`LANGUAGE_COOKIE = '${LANGUAGE_COOKIE}'`);
  });

  it('uses the names the web build writes (apps/web/src/prerender/prerender-plugin.ts)', () => {
    const plugin = readFileSync(
      join(__dirname, '../../../../web/src/prerender/prerender-plugin.ts'),
      'utf8',
    );
    expect(plugin).toContain(`SHELL_START = '${APP_SHELL_START}'`);
    expect(plugin).toContain(`SHELL_END = '${APP_SHELL_END}'`);
    expect(plugin).toContain(`PRERENDERED_PAGES_FILE = '${PRERENDERED_PAGES_FILE}'`);
    expect(plugin).toContain(`PAGE_HEADING_TOKEN = '${PAGE_HEADING_TOKEN}'`);
  });
});

describe('web app serving: a page never waits long for its title', () => {
  it('gives the title when it comes in time, nothing when it fails or is late (a locked table found by a tester)', async () => {
    const heading = { heading: 'Charte', documentTitle: 'Charte · Espace' };
    expect(await withinBudget(Promise.resolve(heading))).toBe(heading);
    expect(await withinBudget(Promise.reject(new Error('pool exhausted')))).toBeNull();
    // a title that never comes: nothing, exactly at the budget; on a fake clock, so that a loaded
    // machine pausing this process (the wall clock measured 1 s of slack) cannot fail it
    jest.useFakeTimers();
    try {
      let late: PageHeading | null | 'pending' = 'pending';
      void withinBudget(new Promise(() => undefined)).then((result) => (late = result));
      await jest.advanceTimersByTimeAsync(PAGE_HEADING_BUDGET_MS - 1);
      expect(late).toBe('pending');
      await jest.advanceTimersByTimeAsync(1);
      expect(late).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });
});
