import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium } from './browser';
import { ConcertoServer, freePort } from './concerto-server';

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
  /** Runs axe-core's WCAG 2.1 A/AA rules on the current page and expects no violation. */
  expectAccessible(label: string): Promise<void>;
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

  beforeAll(async () => {
    const port = await freePort();
    server = new ConcertoServer(port, dataDir, typeof env === 'function' ? env(port) : env);
    await server.start();
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'fr-FR' });
  });

  afterAll(async () => {
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
      const violations = await axeViolations(suite.page);
      pagesChecked.push(label);
      expect({ page: label, violations }).toEqual({ page: label, violations: [] });
    },
  };
  return suite;
}
