import { NewsLimits } from '@concerto/domain';
import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Authenticated, Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { DomainErrorHttpFilter } from '../../common/errors/domain-error-http.filter';
import { inRequestLanguage } from '../../common/errors/error-messages';
import { UUID_PATTERN } from '../../platform/component-resource';
import { AppConfig } from '../../config/app-config';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { type FeedFormat, newsFeed } from './news-feed';
import { imageTooLarge, toNewsImage } from './news-image';
import { NewsService } from './news.service';

const CONTENT_TYPE: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

/** `news.rss` / `news.atom` → the format. @throws NOT_FOUND another name */
function formatOf(file: string): FeedFormat {
  if (file === 'news.rss') return 'rss';
  if (file === 'news.atom') return 'atom';
  throw DomainError.notFound('Flux').inEnglish('Feed not found.');
}

/** Reads a request body up to `limit` bytes. @throws BAD_USER_INPUT `reason: IMAGE_TOO_LARGE` as soon as the body passes the limit */
async function readBody(req: Request, limit: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw imageTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw imageTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** News images (upload, download) and RSS/Atom feeds of news posts. */
@Controller()
@UseFilters(DomainErrorHttpFilter)
export class NewsController {
  constructor(
    private readonly news: NewsService,
    private readonly spaces: ParticipatorySpaceService,
    private readonly config: AppConfig,
  ) {}

  /**
   * `POST /news-images?componentId=…`: an image for a post of that NEWS component; the body is
   * the image file (e.g. `image/jpeg`), at most 5 MiB. Resized to 1,200 px wide at most, WebP,
   * metadata dropped. Access: admins of the component's space, organization admins. Answers 201
   * `{ imageId, imageUrl }`; 400 `{ code: BAD_USER_INPUT, reason }` (`IMAGE_TOO_LARGE`,
   * `IMAGE_NOT_IMAGE`, or a bad component id), 403, 404; nothing stored on error.
   */
  @Authenticated()
  @Post('news-images')
  async upload(
    @CurrentViewer() viewer: Viewer,
    @Query('componentId') componentId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const image = await toNewsImage(await readBody(req, NewsLimits.imageMaxBytes));
    const stored = await this.news.storeImage(String(componentId ?? ''), image, viewer);
    res.status(201).json({ imageId: stored.id, imageUrl: stored.url });
  }

  /** `GET /news-images/:id.webp`: the image, if the caller may see the post using it (404 otherwise). Access: anyone, as the post's visibility allows. */
  @Public()
  @Get('news-images/:file')
  async image(
    @CurrentViewer() viewer: Viewer | null,
    @Param('file') file: string,
    @Res() res: Response,
  ): Promise<void> {
    const id = file.endsWith('.webp') ? file.slice(0, -5) : '';
    const image = UUID_PATTERN.test(id) ? await this.news.imageBytes(id, viewer) : null;
    if (!image) {
      res.status(404).json({
        code: 'NOT_FOUND',
        message: inRequestLanguage({ fr: 'Image introuvable.', en: 'Image not found.' }),
      });
      return;
    }
    res.setHeader('cache-control', 'public, max-age=3600');
    res.setHeader('content-type', image.contentType);
    res.setHeader('x-content-type-options', 'nosniff');
    res.end(image.bytes);
  }

  /** `GET /feeds/news.rss` and `/feeds/news.atom`: the organization's news (posts flagged for the home page, published spaces only), 30 latest. Access: anyone. */
  @Public()
  @Get('feeds/:file')
  async organization(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const format = formatOf(file);
    const origin = this.config.PUBLIC_URL.replace(/\/+$/, '');
    const posts = await this.news.publicPosts(null, NewsLimits.feedSize);
    this.send(
      res,
      format,
      newsFeed(
        format,
        {
          title: 'Concerto — Actualités',
          description: 'Les actualités de la filière',
          pageUrl: `${origin}/`,
          feedUrlStem: `${origin}/feeds/news`,
        },
        posts,
        origin,
      ),
    );
  }

  /** `GET /feeds/spaces/:slug/news.rss|atom`: a published space's news (all its NEWS components), 30 latest. Access: anyone; 404 for an unknown or unpublished space. */
  @Public()
  @Get('feeds/spaces/:slug/:file')
  async space(
    @Param('slug') slug: string,
    @Param('file') file: string,
    @Res() res: Response,
  ): Promise<void> {
    const format = formatOf(file);
    const space = await this.spaces.bySlug(slug, null); // a feed is a public document: what anyone may see
    const origin = this.config.PUBLIC_URL.replace(/\/+$/, '');
    const posts = await this.news.publicPosts(space.id, NewsLimits.feedSize);
    this.send(
      res,
      format,
      newsFeed(
        format,
        {
          title: `Actualités — ${space.title}`,
          description: space.subtitle,
          pageUrl: `${origin}/espaces/${space.slug}`,
          feedUrlStem: `${origin}/feeds/spaces/${space.slug}/news`,
        },
        posts,
        origin,
      ),
    );
  }

  private send(res: Response, format: FeedFormat, xml: string): void {
    res.setHeader('content-type', CONTENT_TYPE[format]);
    res.setHeader('cache-control', 'public, max-age=300');
    res.end(xml);
  }
}
