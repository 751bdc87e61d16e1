import type { PageHeading } from '../../common/static-assets/web-app-serving';
import type { ParticipatorySpaceService } from './participatory-space.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `/espaces/:slug` and `/espaces/:slug/f/:componentId` (the web app's routes), nothing deeper. */
const SPACE_PAGE = /^\/espaces\/([^/]{1,200})\/?$/;
const COMPONENT_PAGE = /^\/espaces\/([^/]{1,200})\/f\/([^/]+)\/?$/;

/**
 * The title of a space's page or a component's page, as an anonymous reader may see it, for the
 * HTML the server sends at that path (its `<title>` and the heading painted before any script
 * runs). The `<h1>` and the document title are those the web app shows (`SpacePage`,
 * `ComponentPage`). Nothing for an unpublished space or component, a component of another space,
 * or any other path: the generic shell is served then, so no hidden title ever reaches the HTML.
 * One SQL statement ({@link ParticipatorySpaceService.publicTitles}).
 * @param spaces the spaces' service (asked as an anonymous viewer)
 * @param path the request path
 * @returns the heading, or null; never throws
 */
export async function spacePageHeading(
  spaces: ParticipatorySpaceService,
  path: string,
): Promise<PageHeading | null> {
  try {
    const component = COMPONENT_PAGE.exec(path);
    const space = component ? null : SPACE_PAGE.exec(path);
    const slug = decodeURIComponent((component ?? space)?.[1] ?? '');
    if (!slug) return null;
    const componentId = component ? component[2] : null;
    if (componentId !== null && !UUID.test(componentId)) return null;
    const titles = await spaces.publicTitles(slug, componentId);
    if (!titles) return null;
    return titles.component === null
      ? { heading: titles.space, documentTitle: titles.space }
      : { heading: titles.component, documentTitle: `${titles.component} · ${titles.space}` };
  } catch {
    // malformed (a bad %-escape) or the database failing: the page is served with the generic shell
    return null;
  }
}
