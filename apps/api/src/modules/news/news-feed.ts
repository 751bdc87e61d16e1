import { Feed } from 'feed';
import { escapeHtml } from '../../common/rich-text/rich-text';
import type { NewsPostDto } from './dtos/news.dto';
import { newsPostPath } from './news.service';

/** The two syndication formats served. */
export type FeedFormat = 'rss' | 'atom';

/** What a feed is about. */
export interface FeedChannel {
  /** « Actualités — <space> » or the organization's name. */
  title: string;
  description: string;
  /** Absolute URL of the page the feed mirrors (the space, or the home page). */
  pageUrl: string;
  /** Absolute URL of the feed without its extension (`…/news`): `.rss` and `.atom` are appended. */
  feedUrlStem: string;
}

/**
 * An RSS 2.0 or Atom 1.0 document of news posts, built with the `feed` library (jpmonette/feed):
 * one entry per post with its absolute link as id, its publication date, author (member or
 * space), the sanitised HTML body as content, the plain-text excerpt (escaped) as summary, and
 * the image as an enclosure. Pure: the caller passes published, visible posts only.
 * @param publicUrl the site's origin (`PUBLIC_URL`, no trailing slash)
 * @returns the XML text (UTF-8)
 * @see https://www.rssboard.org/rss-specification and RFC 4287 (Atom)
 */
export function newsFeed(
  format: FeedFormat,
  channel: FeedChannel,
  posts: NewsPostDto[],
  publicUrl: string,
): string {
  const origin = publicUrl.replace(/\/+$/, '');
  const feed = new Feed({
    title: channel.title,
    description: channel.description,
    id: channel.pageUrl,
    link: channel.pageUrl,
    language: 'fr',
    copyright: '',
    updated: posts[0]?.publishedAt ?? new Date(0),
    feedLinks: { rss: `${channel.feedUrlStem}.rss`, atom: `${channel.feedUrlStem}.atom` },
  });
  for (const post of posts) {
    const link = `${origin}${newsPostPath(post.spaceSlug, post.componentId, post.id)}`;
    feed.addItem({
      title: post.title,
      id: link,
      link,
      date: post.publishedAt,
      published: post.publishedAt,
      description: escapeHtml(post.excerpt),
      content: post.body,
      author: [{ name: post.authorName }],
      ...(post.imageUrl ? { image: { url: `${origin}${post.imageUrl}`, type: 'image/webp' } } : {}),
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}
