/**
 * The heading the server put in the HTML page for the path it served (a space's or a
 * component's title, `web-app-serving.ts`), read once before React renders over the shell. While
 * that path's page is loading, « Chargement… » is shown under this heading instead of replacing
 * it, so the title a reader already sees does not vanish and come back.
 */
let shell: { path: string; heading: string } | null = null;

/** Attribute marking the shell's page heading (set by `<Loading page heading>`). */
export const SHELL_HEADING_ATTRIBUTE = 'data-page-heading';

/**
 * Remembers the shell's page heading, if it has one. Call once, before the first render.
 * @param root the `#root` element still holding the server's HTML
 * @param path the path the page was loaded at (`location.pathname`)
 */
export function readShellHeading(root: ParentNode, path: string): void {
  const heading = root.querySelector(`[${SHELL_HEADING_ATTRIBUTE}]`)?.textContent?.trim();
  shell = heading ? { path, heading } : null;
}

/**
 * The server's heading for `path`, or '' when the page was not loaded at that path or had none.
 * @param path the path being shown (`location.pathname`)
 */
export function shellHeadingFor(path: string): string {
  return shell && shell.path === path ? shell.heading : '';
}
