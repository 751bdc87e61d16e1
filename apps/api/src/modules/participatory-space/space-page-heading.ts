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
    if (space) {
      const found = await spaces.bySlug(slug, null);
      return { heading: found.title, documentTitle: found.title };
    }
    const componentId = component![2];
    if (!UUID.test(componentId)) return null;
    const [found, inSpace] = await Promise.all([
      spaces.component(componentId, null),
      spaces.bySlug(slug, null),
    ]);
    if (found.spaceId !== inSpace.id) return null;
    return { heading: found.title, documentTitle: `${found.title} · ${inSpace.title}` };
  } catch {
    // unknown, unpublished, malformed (a bad %-escape): the page is served with the generic shell
    return null;
  }
}
