/**
 * The first screen the server sent (the prerendered shell, `src/prerender/`), read once before
 * React renders over it, so the handover is seamless:
 * - the page's heading the server put in it (a space's or a component's title,
 *   `web-app-serving.ts`): while that path's page loads, « Chargement… » is shown under it
 *   instead of replacing it ({@link shellHeadingFor});
 * - the page's content (the home page's introduction and cards…): shown while that path's page
 *   code is still on its way ({@link shellPageFor}), instead of « Chargement… » between two
 *   identical screens;
 * - focus: a reader who tabbed into the shell keeps focus on the same link once React has
 *   replaced it ({@link keepShellFocus}), instead of losing it to `<body>`.
 */
let shell: { path: string; heading: string; page: string } | null = null;

/** Attribute marking the shell's page heading (set by `<Loading page heading>`). */
export const SHELL_HEADING_ATTRIBUTE = 'data-page-heading';
/** Class of the element showing the shell's page content again (`display: contents`). */
export const SHELL_PAGE_CLASS = 'shell-page';

/**
 * Remembers the shell's page heading and content, if it has any. Call once, before the first render.
 * @param root the `#root` element still holding the server's HTML
 * @param path the path the page was loaded at (`location.pathname`)
 */
export function readShellHeading(root: ParentNode, path: string): void {
  const heading = root.querySelector(`[${SHELL_HEADING_ATTRIBUTE}]`)?.textContent?.trim() ?? '';
  const main = root.querySelector('main');
  // the page's own content: what follows the layout's flash message region
  const page = main
    ? Array.from(main.children)
        .filter((child) => !child.matches('.message[role="status"]'))
        .map((child) => child.outerHTML)
        .join('')
    : '';
  shell = heading || page ? { path, heading, page } : null;
}

/**
 * The server's heading for `path`, or '' when the page was not loaded at that path or had none.
 * @param path the path being shown (`location.pathname`)
 */
export function shellHeadingFor(path: string): string {
  return shell && shell.path === path ? shell.heading : '';
}

/**
 * The HTML of the shell's page content for `path` (markup the build or the server made, titles
 * escaped), or '' when the page was not loaded at that path.
 * @param path the path being shown (`location.pathname`)
 */
export function shellPageFor(path: string): string {
  return shell && shell.path === path ? shell.page : '';
}

/** The link of `root` that is the same as `gone` (same address and text), if any. */
function twinOf(root: ParentNode, gone: HTMLElement): HTMLElement | null {
  const href = gone.getAttribute('href');
  if (href === null) return null;
  const text = gone.textContent?.trim() ?? '';
  const links = Array.from(root.querySelectorAll<HTMLElement>('a[href]')).filter(
    (link) => link.getAttribute('href') === href,
  );
  return links.find((link) => (link.textContent?.trim() ?? '') === text) ?? links[0] ?? null;
}

/**
 * Keeps focus on the same link when React replaces the shell (or the shell's page content shown
 * while a page loads): a shell element that held focus is removed and focus fell to `<body>`,
 * so the equivalent link of the new markup gets it. Elements React rendered are left to the
 * app's own focus rules. Call once, before the first render.
 * @param root the `#root` element still holding the server's HTML
 */
export function keepShellFocus(root: HTMLElement): void {
  const fromShell = new WeakSet<Element>(Array.from(root.querySelectorAll('*')));
  // the reader may have tabbed into the shell before this script ran
  let focused: HTMLElement | null =
    document.activeElement instanceof HTMLElement && fromShell.has(document.activeElement)
      ? document.activeElement
      : null;
  root.addEventListener('focusin', (event) => {
    const target = event.target as HTMLElement;
    focused = fromShell.has(target) || target.closest(`.${SHELL_PAGE_CLASS}`) ? target : null;
  });
  new MutationObserver(() => {
    if (!focused || focused.isConnected) return;
    const gone = focused;
    focused = null;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    twinOf(root, gone)?.focus({ preventScroll: true });
  }).observe(root, { childList: true, subtree: true });
}
