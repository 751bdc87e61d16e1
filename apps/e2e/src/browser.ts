import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, JSHandle, Locator, Page } from 'playwright-core';

/** Debian's Chromium, or CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * `describe` for browser suites: in CI a missing Chromium is an error (the suite must not
 * silently skip); elsewhere the suite is skipped with a warning.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  if (existsSync(CHROMIUM_PATH)) return describe(name, suite);
  if (process.env.CI)
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: end-to-end tests cannot run`);
  console.warn(
    `Chromium not found at ${CHROMIUM_PATH}: "${name}" skipped (set CHROMIUM_PATH or apt-get install chromium)`,
  );
  describe.skip(name, suite);
}

/**
 * Launches headless Chromium with the flags that work on these machines (no network, no
 * sandbox as root); its pages prefer reduced motion. Playwright gives each launch a fresh, empty profile directory.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Every page prefers reduced motion, so there are no CSS transitions (styles.css drops them):
  // axe must never see a colour halfway through one (a button turning from primary to plain
  // right after a click failed colour contrast once in twenty runs).
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ reducedMotion: 'reduce', ...options });
  browser.newPage = (options = {}) => newPage({ reducedMotion: 'reduce', ...options });
  return browser;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core violation, trimmed for readable test failures. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core's WCAG 2.0/2.1 A and AA rules on the current page.
 * @returns the violations (empty when the page passes)
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // evaluated through the DevTools protocol: the app's Content-Security-Policy forbids inline scripts
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: object): Promise<{ violations: any[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n: { target: string[] }) => n.target.join(' ')),
    }));
  });
}

/**
 * Fills the sign-up form on `page` (already at `/inscription`) — name, e-mail, password, the
 * required acceptance of the terms and privacy notice — and submits it. Waiting for the
 * outcome is left to the caller (signed in, or an error shown).
 * @param page a page showing the sign-up form
 * @param who the new participant's name, e-mail and password
 */
export async function submitSignUp(
  page: Page,
  who: { name: string; email: string; password: string },
): Promise<void> {
  await page.getByLabel('Nom').fill(who.name);
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByLabel('Mot de passe').fill(who.password);
  await page.getByRole('checkbox', { name: /J’accepte les conditions d’utilisation/ }).check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
}

/**
 * Whether the page's focus is on an element (not `<body>`) once the action that preceded the
 * call has settled: an app moves focus one animation frame after the DOM change that removed
 * the focused control, so the check waits up to `timeoutMs` for that frame instead of reading
 * the focus at the instant the new text appeared (a read in between failed under load).
 * @param page the page to inspect
 * @param timeoutMs how long to wait for focus to land, in milliseconds
 * @returns true when an element other than `<body>` holds focus
 */
export async function focusIsOnElement(page: Page, timeoutMs = 2000): Promise<boolean> {
  const onElement = () =>
    document.activeElement !== null && document.activeElement !== document.body;
  await page.waitForFunction(onElement, undefined, { timeout: timeoutMs }).catch(() => undefined);
  return page.evaluate(onElement);
}

/**
 * Waits until focus has settled after an action: an element other than `<body>` holds it (see
 * {@link focusIsOnElement}) and two more animation frames have passed, so the effect that moves
 * focus to an action's result (a heading, an error summary, a field) has run. Call it before
 * reading `document.activeElement`: a read at the instant the new content appears can see the
 * focus still on `<body>` or on the control that was just replaced.
 * @param page the page to inspect
 */
export async function focusSettled(page: Page): Promise<void> {
  await focusIsOnElement(page);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/**
 * After a submit the form refused (its own checks or the API's), checks the GOV.UK error summary
 * pattern the web app follows (`ErrorSummary`): a summary (`.error-summary`, an alert) lists a
 * link for each message and holds the focus; each link names a field (`href="#id"`) that says
 * the same message itself (in its `aria-describedby`); following the first message's link puts
 * the focus on that field. Waits for the summary to appear, then up to `timeoutMs` for the focus,
 * which lands one animation frame after the DOM change (see {@link focusIsOnElement}).
 * @param scope the page showing the form, or the part of it (a locator) the summary must be in
 * @param messages the problem (or problems) the summary must list, each matched like Playwright's
 *   accessible names: a case-insensitive substring of its link's text, whitespace normalised
 * @param options `field`: the control the first message's link must focus (checked besides the
 *   link's own target); `timeoutMs`: how long to wait for each focus move, in milliseconds
 * @returns the summary, for a suite's further checks
 */
export async function expectErrorSummary(
  scope: Page | Locator,
  messages: string | string[],
  options: { field?: Locator; timeoutMs?: number } = {},
): Promise<Locator> {
  const all = typeof messages === 'string' ? [messages] : messages;
  const { field, timeoutMs = 2000 } = options;
  const page = 'page' in scope ? scope.page() : scope;
  const summary = scope
    .getByRole('alert')
    .and(scope.locator('.error-summary'))
    .filter({ has: page.getByRole('link', { name: all[0] }) });
  const linkTo = (message: string) => summary.getByRole('link', { name: message });
  await summary.waitFor();
  for (const message of all) await linkTo(message).waitFor();

  /**
   * Waits up to `timeoutMs` for the focus to be on `target`; says where it is in words a failure
   * can show: `name` when on the target, else the focused element.
   */
  const focusOn = async (target: JSHandle<Element | null>, name: string) => {
    const isFocused = (el: Element | null) => el !== null && el === document.activeElement;
    await page.waitForFunction(isFocused, target, { timeout: timeoutMs }).catch(() => undefined);
    return page.evaluate(
      ([el, wanted]) => {
        const active = document.activeElement;
        if (el !== null && el === active) return wanted;
        if (!active || active === document.body) return 'nothing (<body>)';
        return active.outerHTML.slice(0, 120);
      },
      [target, name] as const,
    );
  };
  expect(await focusOn(await summary.elementHandle(), 'the error summary')).toBe(
    'the error summary',
  );

  // each link names a field that says the same problem itself
  for (const message of all) {
    const said = await linkTo(message).evaluate((link, wanted) => {
      const hash = (link as HTMLAnchorElement).hash;
      const target = document.getElementById(decodeURIComponent(hash.slice(1)));
      if (!target) return `no field ${hash} for « ${wanted} »`;
      const description = (target.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
      const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
      return normal(description).includes(normal(wanted))
        ? 'said on its field'
        : `${hash} describes itself as « ${description} », not « ${wanted} »`;
    }, message);
    expect(said).toBe('said on its field');
  }

  // following the first link focuses the field it names
  const link = linkTo(all[0]);
  const target = await link.evaluateHandle((a) =>
    document.getElementById(decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))),
  );
  await link.click();
  expect(await focusOn(target, 'the linked field')).toBe('the linked field');
  await target.dispose();
  if (field) expect(await focusOn(await field.elementHandle(), 'the field')).toBe('the field');
  return summary;
}

/** The interface's string groups, the first segment of every key (`proposals` of `proposals.support`). */
const STRING_GROUPS = readdirSync(join(__dirname, '../../web/src/i18n'))
  .filter((file) => file.endsWith('.fr.json'))
  .map((file) => file.slice(0, -'.fr.json'.length));

/**
 * Translation keys shown instead of their text (a group's strings not loaded with the page, or a
 * key missing) in the page's text, its title and its accessible names, hints and alternatives.
 * @param page the page to read
 * @returns the keys found; none is expected
 */
export async function rawKeysShown(page: Page): Promise<string[]> {
  const pattern = `\\b(?:${STRING_GROUPS.join('|')})\\.[A-Za-z_][\\w.]*[A-Za-z_]`;
  return page.evaluate((source) => {
    const attributes = ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'];
    const texts = [document.title, document.body.innerText];
    for (const element of Array.from(document.querySelectorAll('*')))
      for (const name of attributes) texts.push(element.getAttribute(name) ?? '');
    return texts.flatMap((text) => text.match(new RegExp(source, 'g')) ?? []);
  }, pattern);
}

/**
 * Elements of `page` that stick out of a `width`-pixel window (their start, at most five), once
 * the page has reacted to the resize; `.table-scroll` wrappers scroll on purpose. Leaves the page
 * at that width.
 */
export async function overflowAt(page: Page, width: number): Promise<string[]> {
  await page.setViewportSize({ width, height: 900 });
  // what follows a resize (ResizeObserver callbacks, the renders they ask for) settles first
  await page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))),
        ),
      ),
  );
  return page.evaluate(() =>
    document.documentElement.scrollWidth - window.innerWidth > 1
      ? [...document.querySelectorAll('body *')]
          .filter(
            (el) =>
              el.getBoundingClientRect().right > window.innerWidth + 1 &&
              !el.closest('.table-scroll'),
          )
          .slice(0, 5)
          .map((el) => el.outerHTML.slice(0, 120))
      : [],
  );
}

/** The header's language switch is labelled in the language it switches to. */
const SWITCH_TO = { fr: 'Français', en: 'English' } as const;

/**
 * What a person would meet on the page as it is now, in both interface languages, on a desktop
 * and a phone: in the page's language, axe violations (WCAG 2.1 A/AA) at 1280 and 390 px and
 * anything wider than a 390 px screen; then, switched to the other language with the header's
 * own button, anything wider than 390 px, axe violations at 1280 px and string keys shown
 * untranslated; then back, at the width it was, with the focus on the element that had it
 * (checking must not move the test's focus). While a modal dialog is open the header is inert,
 * so the other language waits for the next check.
 * @returns one line per problem, empty when there is none
 */
export async function pageProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  const focused = await page.evaluateHandle(() => document.activeElement);
  try {
    await page.waitForLoadState('networkidle');
    const language =
      (await page.evaluate(() => document.documentElement.lang)) === 'en' ? 'en' : 'fr';
    const other = language === 'en' ? 'fr' : 'en';
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const v of await axeViolations(page))
      problems.push(`${language}, 1280 px: ${JSON.stringify(v)}`);
    for (const o of await overflowAt(page, 390))
      problems.push(`${language}, 390 px, too wide: ${o}`);
    for (const v of await axeViolations(page))
      problems.push(`${language}, 390 px: ${JSON.stringify(v)}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    // a modal dialog makes the header inert (React Aria's or a native one)
    const modal = await page.evaluate(
      () =>
        document.querySelector('[aria-modal="true"], dialog:modal') !== null ||
        document.querySelector('header')?.closest('[inert], [aria-hidden="true"]') != null,
    );
    if (modal) return problems;
    const banner = page.getByRole('banner');
    await banner.getByRole('button', { name: SWITCH_TO[other], exact: true }).click();
    await page.waitForFunction((lang) => document.documentElement.lang === lang, other);
    await page.waitForLoadState('networkidle');
    try {
      for (const o of await overflowAt(page, 390))
        problems.push(`${other}, 390 px, too wide: ${o}`);
      await page.setViewportSize({ width: 1280, height: 900 });
      for (const v of await axeViolations(page))
        problems.push(`${other}, 1280 px: ${JSON.stringify(v)}`);
      for (const key of await rawKeysShown(page)) problems.push(`${other}: raw string key ${key}`);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
      await banner.getByRole('button', { name: SWITCH_TO[language], exact: true }).click();
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
    }
  } finally {
    await page.setViewportSize(size);
    await focused.evaluate((el) => {
      if (el instanceof HTMLElement && el !== document.body && el.isConnected) el.focus();
    });
    await focused.dispose();
  }
  return problems;
}
