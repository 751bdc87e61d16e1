import type { EntityManager } from 'typeorm';
import { queryRows } from '../../common/database/unit-of-work';
import { sanitizeRichText } from '../../common/rich-text/rich-text';

/** The demo news file (`demo/data/news.json`): two posts drawn from the report's synthesis and conclusion. */
export interface DemoNewsFile {
  componentTitle: string;
  componentDescription: string;
  posts: { title: string; body: string; daysAgo: number }[];
}

/**
 * Loads the demo news posts (called by the demo module, inside its transaction): published
 * `daysAgo` days before now, signed by the space, on the home page, marked `is_demo` and
 * already announced (`announced_at`: demo content notifies nobody). Writes only this module's tables.
 * @param componentId a NEWS component of the demo Concertation
 * @returns the post ids, in the file's order
 */
export async function insertDemoNews(
  manager: EntityManager,
  componentId: string,
  spaceId: string,
  file: DemoNewsFile,
): Promise<string[]> {
  const ids: string[] = [];
  for (const post of file.posts) {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO news_posts (component_id, space_id, title, body, on_home_page, published_at, announced_at, is_demo)
       VALUES ($1, $2, $3, $4, true, now() - make_interval(days => $5), now(), true) RETURNING id`,
      [componentId, spaceId, post.title, sanitizeRichText(post.body), post.daysAgo],
    );
    ids.push(row.id);
  }
  return ids;
}
