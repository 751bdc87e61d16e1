import { describeInBrowser } from './browser';
import type { Page } from 'playwright-core';
import { useBrowserSuite } from './browser-suite';

const SPACE = 'structuration-filiere-sante-numerique';

describeInBrowser(
  'The first screen is in the HTML: readable before any script runs, and kept while the page loads',
  () => {
    const suite = useBrowserSuite('concerto-e2e-first-screen-', {
      ADMIN_PASSWORD: 'e2e-admin-password-first-screen',
    });
    const { gql, checkPage } = suite;
    let text = { id: '', title: '' };
    let spaceTitle = '';

    beforeAll(async () => {
      const res = await gql(
        `query($s: String!) { space(slug: $s) { title components { id type title } } }`,
        { s: SPACE },
      );
      spaceTitle = res.space.title;
      text = res.space.components.find((c: { type: string }) => c.type === 'PARTICIPATORY_TEXT');
    });

    /**
     * A French page of its own whose requests matching `pattern` wait until `release()`; `close()`
     * releases them and closes its browser context.
     */
    const pageHolding = async (pattern: string | RegExp) => {
      const context = await suite.browser.newContext({ locale: 'fr-FR' });
      let release = () => undefined as void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const page = await context.newPage();
      await page.route(pattern, async (route) => {
        await held;
        await route.continue().catch(() => undefined);
      });
      return {
        page,
        release: () => release(),
        close: async () => {
          release();
          await context.close();
        },
      };
    };

    /** Waits until React has rendered over the shell: its search field takes input. */
    const reactRendered = (page: Page) =>
      page.locator('input[type="search"]:not([disabled])').first().waitFor();

    const html = async (path: string) => {
      const res = await fetch(`${suite.server.url}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      return res.text();
    };

    it('serves the home page with its introduction, a component page with its title, others with the shell', async () => {
      const home = await html('/');
      expect(home).toContain('<title>Accueil · Concerto</title>');
      expect(home).toContain('Concerto est la plateforme de participation de la filière');
      expect(home).toContain('<footer class="site-footer">');

      const page = await html(`/espaces/${SPACE}/f/${text.id}`);
      expect(page).toContain(`<title>${text.title} · ${spaceTitle} · Concerto</title>`);
      expect(page).toContain(`<h1 data-page-heading="">${text.title}</h1>`);
      expect(page).not.toContain('%PAGE_HEADING%');

      const unknown = await html(`/espaces/${SPACE}/f/00000000-0000-0000-0000-000000000000`);
      expect(unknown).toContain('<title>Concerto</title>');
      expect(unknown).toContain('<h1 class="loading">');
      expect(unknown).not.toContain('data-page-heading');
    });

    it('without JavaScript, at 390 px: the page reads, nothing sticks out, no field takes input', async () => {
      const context = await suite.browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 390, height: 800 },
        locale: 'fr-FR',
      });
      try {
        const page = await context.newPage();
        await page.goto(`${suite.server.url}/`);
        await page.getByRole('heading', { level: 1, name: 'Concerto' }).waitFor();
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        ).toBe(true);
        const enabled = await page
          .locator('#root')
          .locator('input:not([disabled]), button:not([disabled]), textarea:not([disabled])')
          .count();
        expect(enabled).toBe(0);
        await page.goto(`${suite.server.url}/espaces/${SPACE}/f/${text.id}`);
        await page.getByRole('heading', { level: 1, name: text.title }).waitFor();
      } finally {
        await context.close();
      }
    });

    it('in English for a reader who chose English: <html lang> and the first screen, before any script runs', async () => {
      const context = await suite.browser.newContext({ locale: 'fr-FR' });
      const noScript = await suite.browser.newContext({
        javaScriptEnabled: false,
        locale: 'fr-FR',
      });
      try {
        const page = await context.newPage();
        await page.goto(`${suite.server.url}/`);
        await page.getByRole('button', { name: 'English' }).click();
        await page.waitForFunction(() => document.documentElement.lang === 'en');
        const cookie = (await context.cookies()).find((c) => c.name === 'concerto_language');
        expect(cookie?.value).toBe('en');
        // the same reader's next visit, its scripts off: English from the first byte
        await noScript.addCookies([cookie!]);
        const next = await noScript.newPage();
        await next.goto(`${suite.server.url}/`);
        expect(await next.evaluate(() => document.documentElement.lang)).toBe('en');
        await next.getByText(/^Concerto is the participation platform/).waitFor();
        expect(await next.getByText(/Concerto est la plateforme/).count()).toBe(0);
        await next.goto(`${suite.server.url}/agenda`);
        expect(await next.evaluate(() => document.documentElement.lang)).toBe('en');
        // back to French: the cookie follows
        await page.getByRole('button', { name: 'Français' }).click();
        await page.waitForFunction(() => document.documentElement.lang === 'fr');
        expect((await context.cookies()).find((c) => c.name === 'concerto_language')?.value).toBe(
          'fr',
        );
      } finally {
        await noScript.close();
        await context.close();
      }
    });

    it('keeps the component’s title as the heading and in the tab while its data is on the way, then shows the page', async () => {
      // the API's answers wait until the page has rendered its loading state
      const { page, release, close } = await pageHolding('**/graphql');
      try {
        await page.goto(`${suite.server.url}/espaces/${SPACE}/f/${text.id}`);
        await reactRendered(page);
        await page.getByRole('status').filter({ hasText: 'Chargement…' }).first().waitFor();
        expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual([
          text.title,
        ]);
        expect(await page.title()).toBe(`${text.title} · ${spaceTitle} · Concerto`);
        release();
        await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
        expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual([
          text.title,
        ]);
        expect(await page.title()).toBe(`${text.title} · ${spaceTitle} · Concerto`);
      } finally {
        await close();
      }
      await suite.goTo(`/espaces/${SPACE}/f/${text.id}`);
      await checkPage('texte participatif, premier affichage');
    });

    it('hands the home page over without a « Chargement… » in between, and keeps a keyboard user’s focus', async () => {
      // the app's entry script waits: the reader tabs through the server's shell meanwhile
      const { page, release, close } = await pageHolding(/\/assets\/index-[^/]+\.js$/);
      try {
        const headings: string[] = [];
        await page.exposeFunction('reportHeading', (text: string) => headings.push(text));
        await page.addInitScript(() => {
          new MutationObserver(() => {
            const h1 = document.querySelector('h1');
            (window as unknown as { reportHeading(text: string): void }).reportHeading(
              h1?.textContent ?? '',
            );
          }).observe(document, { childList: true, subtree: true, characterData: true });
        });
        // module scripts hold DOMContentLoaded back: wait for the response only
        await page.goto(`${suite.server.url}/`, { waitUntil: 'commit' });
        await page.getByRole('heading', { level: 1, name: 'Concerto' }).waitFor();
        for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
        const before = await page.evaluate(() => document.activeElement?.textContent);
        expect(before).toBe('Concertations');
        release();
        await reactRendered(page);
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(before);
        expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
        expect(headings.filter((text) => text.includes('Chargement'))).toEqual([]);
        expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual([
          'Concerto',
        ]);
      } finally {
        await close();
      }
    });
  },
);
