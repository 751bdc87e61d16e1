import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, pageProblems } from './browser';
import { ConcertoServer, freePort } from './concerto-server';

const WORKSPACE_ROOT = resolve(__dirname, '../../..');

/** One browser suite's fixture: the built app on its own data, a Chromium page, and helpers. */
export interface BrowserSuite {
  /** Temporary folder of the suite (removed after it). */
  readonly root: string;
  /** The embedded PostgreSQL's data directory (kept across a restart of the server). */
  readonly dataDir: string;
  readonly server: ConcertoServer;
  readonly browser: Browser;
  /** A French-locale page, opened once for the suite. */
  readonly page: Page;
  /** Labels of the pages checked by {@link BrowserSuite.expectAccessible}, in order. */
  readonly pagesChecked: string[];
  /** Opens a path of the app and waits until the network is idle. */
  goTo(path: string): Promise<void>;
  /**
   * The current page, as it is now, in French and in English, at 1280 and 390 px: axe-core's
   * WCAG 2.1 A/AA rules find nothing, nothing is wider than the phone's screen, no string key
   * shows ({@link pageProblems}); the page is left as it was (language, width, focus).
   */
  expectAccessible(label: string): Promise<void>;
  /** The same as {@link BrowserSuite.expectAccessible} (the name the page-by-page suites use). */
  checkPage(label: string): Promise<void>;
  /** Signs in through « Connexion » and waits until the page has left it with the session open. */
  signIn(email: string, password: string): Promise<void>;
  /** « Se déconnecter », then waits for the header's « Connexion » link. */
  signOut(): Promise<void>;
  /**
   * A GraphQL request to the suite's server (Bearer `token` when given).
   * @returns its `data`; throws with the `errors` when there is none
   */
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<any>;
  /**
   * One SQL statement on the suite's own embedded database (e.g. to end a period on the database
   * clock instead of waiting for it).
   * @returns its rows
   */
  sql(text: string, params?: unknown[]): Promise<Record<string, any>[]>;
}

/**
 * Registers `beforeAll`/`afterAll` that start the built Concerto (`ConcertoServer`, its
 * embedded PostgreSQL in a fresh temporary folder) and headless Chromium with one page, and
 * stop and remove everything after the suite.
 * @param prefix name prefix of the temporary folder
 * @param env configuration of the server (admin credentials, limits), or a function of the port the
 *        server will listen on (for variables that name the server's own URL, e.g. `PUBLIC_URL`)
 */
export function useBrowserSuite(
  prefix: string,
  env: Record<string, string> | ((port: number) => Record<string, string>),
): BrowserSuite {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dataDir = join(root, 'postgres');
  const pagesChecked: string[] = [];
  let server: ConcertoServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`${what} is not started yet (use it inside tests or hooks)`);
    return value;
  };

  // what the page said (console, uncaught errors, failed requests), kept for a failed test's evidence
  const browserLines: string[] = [];
  const note = (line: string) => {
    browserLines.push(`[${new Date().toISOString().slice(11, 23)}] ${line}`);
    if (browserLines.length > 400) browserLines.splice(0, browserLines.length - 400);
  };

  beforeAll(async () => {
    const port = await freePort();
    server = new ConcertoServer(port, dataDir, typeof env === 'function' ? env(port) : env);
    await server.start();
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'fr-FR' });
    page.on('console', (message) => note(`console.${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => note(`page error: ${error.message}`));
    page.on('requestfailed', (request) =>
      note(
        `request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`,
      ),
    );
    page.on('framenavigated', (frame) => {
      if (frame === page?.mainFrame()) note(`navigated to ${frame.url()}`);
    });
  });

  // a failed test leaves its evidence: a screenshot, the DOM and the browser's last lines
  // (dist/test-results/e2e-failures/<spec>/), named in npm test's failure summary
  afterEach(async () => {
    const failed = (globalThis as { __e2eFailedTest?: string | null }).__e2eFailedTest;
    if (!failed || !page) return;
    const spec = basename(expect.getState().testPath ?? prefix);
    const dir = join(WORKSPACE_ROOT, 'dist/test-results/e2e-failures', spec);
    mkdirSync(dir, { recursive: true });
    const name = failed
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .slice(0, 60);
    try {
      await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, timeout: 10_000 });
      writeFileSync(join(dir, `${name}.html`), await page.content());
    } catch (error) {
      note(`evidence not captured: ${(error as Error).message}`);
    }
    writeFileSync(
      join(dir, `${name}.txt`),
      [`test: ${failed}`, `url: ${page.url()}`, '', ...browserLines].join('\n'),
    );
  });

  afterAll(async () => {
    // the server's own lines, kept for npm test's failure summary (it prints their end for a failed suite)
    if (server) {
      const logs = join(WORKSPACE_ROOT, 'dist/test-results/e2e-servers');
      mkdirSync(logs, { recursive: true });
      const spec = basename(expect.getState().testPath ?? prefix);
      writeFileSync(join(logs, `${spec}.log`), server.output);
      writeFileSync(join(logs, `${spec}.browser.log`), `${browserLines.join('\n')}\n`);
    }
    await browser?.close();
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const suite: BrowserSuite = {
    root,
    dataDir,
    pagesChecked,
    get server() {
      return ready(server, 'the server');
    },
    get browser() {
      return ready(browser, 'the browser');
    },
    get page() {
      return ready(page, 'the page');
    },
    async goTo(path: string) {
      await suite.page.goto(`${suite.server.url}${path}`);
      await suite.page.waitForLoadState('networkidle');
    },
    async expectAccessible(label: string) {
      const problems = await pageProblems(suite.page);
      pagesChecked.push(label);
      expect({ page: label, problems }).toEqual({ page: label, problems: [] });
    },
    async checkPage(label: string) {
      await suite.expectAccessible(label);
    },
    async signIn(email: string, password: string) {
      const { page } = suite;
      await suite.goTo('/connexion');
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill(password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      // the sign-in page navigates away once the session is open (a previous user's « Se déconnecter » is no proof)
      await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    },
    async signOut() {
      const { page } = suite;
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      // the header's link (a moderation page also offers one in its content once signed out)
      await page
        .getByRole('navigation', { name: 'Compte' })
        .getByRole('link', { name: 'Connexion' })
        .waitFor();
    },
    async gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
      const response = await fetch(`${suite.server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const json = (await response.json()) as { data?: any; errors?: unknown };
      if (!json.data) throw new Error(JSON.stringify(json.errors));
      return json.data;
    },
    async sql(text: string, params: unknown[] = []) {
      // the server's credentials file and the port its postmaster wrote (line 4 of postmaster.pid)
      const credentials = JSON.parse(readFileSync(`${dataDir}.credentials.json`, 'utf8')) as {
        user: string;
        password: string;
      };
      const port = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
      const client = new Client({
        host: '127.0.0.1',
        port,
        user: credentials.user,
        password: credentials.password,
        database: 'concerto',
      });
      await client.connect();
      try {
        return (await client.query(text, params)).rows;
      } finally {
        await client.end();
      }
    },
  };
  return suite;
}
