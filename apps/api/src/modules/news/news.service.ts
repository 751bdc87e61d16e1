import { ComponentType, NewsLimits, NewsPostStatus, SpaceRole } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { richTextToPlain, sanitizeRichText } from '../../common/rich-text/rich-text';
import { hasVisibleText } from '../../common/validation/visible-text';
import { checkedId } from '../../platform/component-resource';
import { ActionLogService } from '../action-log/action-log.service';
import { FollowService } from '../follow/follow.service';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { SpaceAccessService, visibleToUserSql } from '../participatory-space/space-access.service';
import { NewsPostDto } from './dtos/news.dto';
import { CreateNewsPostInput, NewsAuthorKind, NewsPostFieldsInput } from './dtos/news.inputs';
import type { NewsImage } from './news-image';

/** A news post row with its status decided by PostgreSQL's clock at the read. */
export interface NewsPostRow {
  id: string;
  component_id: string;
  space_id: string;
  space_slug: string;
  space_title: string;
  title: string;
  body: string;
  image_id: string | null;
  image_alt: string;
  author_user_id: string | null;
  author_name: string | null;
  on_home_page: boolean;
  published_at: Date;
  announced_at: Date | null;
  comments_count: number;
  follows_count: number;
  hidden_at: Date | null;
  created_at: Date;
  updated_at: Date;
  status: NewsPostStatus;
}

/** Columns of {@link NewsPostRow} (alias `p`); `status` comes from `now()` at every read. */
export const NEWS_COLUMNS = `p.id, p.component_id, p.space_id, s.slug AS space_slug, s.title AS space_title, p.title, p.body, p.image_id, p.image_alt,
  p.author_user_id, u.name AS author_name, p.on_home_page, p.published_at, p.announced_at, p.comments_count, p.follows_count, p.hidden_at,
  p.created_at, p.updated_at, CASE WHEN p.published_at <= now() THEN 'PUBLISHED' ELSE 'SCHEDULED' END AS status`;
const FROM = `news_posts p JOIN participatory_spaces s ON s.id = p.space_id LEFT JOIN users u ON u.id = p.author_user_id`;

/** The web path of a post. */
export const newsPostPath = (spaceSlug: string, componentId: string, id: string): string =>
  `/espaces/${spaceSlug}/f/${componentId}/actualites/${id}`;

const notANewsComponent = () =>
  DomainError.badInput('Cette fonctionnalité ne contient pas d’actualités.', {
    field: 'componentId',
  }).inEnglish('This feature does not contain news.');
const scheduleInPast = () =>
  DomainError.badInput(
    'publishAt : la date de publication programmée est passée ; choisissez une date à venir ou publiez maintenant.',
    { field: 'publishAt', reason: 'SCHEDULE_IN_PAST' },
  ).inEnglish('The scheduled publication date has passed: choose a future date or publish now.');

/**
 * News posts (Actualités) of NEWS components.
 *
 * - **Status** is never stored: SCHEDULED while `published_at` is after PostgreSQL's `now()`,
 *   PUBLISHED from then on. Readers who are not the space's admins or moderators see only
 *   published, not hidden posts; a scheduled date in the past is refused (BAD_USER_INPUT,
 *   `reason: SCHEDULE_IN_PAST`), compared with PostgreSQL's clock in the writing transaction.
 * - **Announcement** to the space's followers happens exactly once per post: {@link announceDue}
 *   sets `announced_at` with `UPDATE … WHERE announced_at IS NULL AND published_at <= now()
 *   RETURNING` and records one outbox event per returned row in the same transaction. A post
 *   published now is announced by its creating transaction; a scheduled one by the first
 *   {@link NewsSchedulerService} tick after its date (a concurrent tick waits on the row lock,
 *   then sees `announced_at` set and skips it).
 * - **Rich text** is sanitised by {@link sanitizeRichText}, as every rich text of the app.
 * - **Home page**: posts flagged `on_home_page` (organization admins only) of published spaces
 *   and components, most recent first.
 */
@Injectable()
export class NewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly access: SpaceAccessService,
    private readonly actionLog: ActionLogService,
    private readonly events: DomainEventOutbox,
    private readonly follows: FollowService,
  ) {}

  /**
   * Posts of a NEWS component, most recent publication first. Scheduled and hidden posts are
   * listed only to the space's admins and moderators. Caller: anyone who may see the component.
   * @throws NOT_FOUND component hidden or unknown; BAD_USER_INPUT not a NEWS component
   */
  async list(componentId: string, viewer: Viewer | null): Promise<NewsPostDto[]> {
    const component = await this.spaces.component(checkedId(componentId, 'componentId'), viewer);
    if (component.type !== ComponentType.NEWS) throw notANewsComponent();
    const privileged = await this.privileged(viewer, component.spaceId);
    const rows = await queryRows<NewsPostRow>(
      this.dataSource.manager,
      `SELECT ${NEWS_COLUMNS} FROM ${FROM} WHERE p.component_id = $1 ${privileged ? '' : 'AND p.published_at <= now() AND p.hidden_at IS NULL'}
        ORDER BY p.published_at DESC, p.id LIMIT 500`,
      [component.id],
    );
    return this.present(rows, viewer);
  }

  /**
   * One post. Caller: anyone who may see it (scheduled or hidden: the space's admins and moderators).
   * @throws NOT_FOUND unknown or invisible; BAD_USER_INPUT malformed id
   */
  async post(id: string, viewer: Viewer | null): Promise<NewsPostDto> {
    return (await this.present([await this.visibleRow(id, viewer)], viewer))[0];
  }

  /**
   * The post row as `viewer` may see it.
   * @throws NOT_FOUND unknown, in a component the viewer may not see, scheduled or hidden for a non-moderator
   */
  async visibleRow(
    id: string,
    viewer: Viewer | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NewsPostRow> {
    const [row] = await queryRows<NewsPostRow>(
      manager,
      `SELECT ${NEWS_COLUMNS} FROM ${FROM} WHERE p.id = $1`,
      [checkedId(id)],
    );
    if (!row) throw DomainError.notFound('Actualité', { id }).inEnglish('News item not found.');
    await this.spaces.component(row.component_id, viewer);
    if (
      (row.status !== NewsPostStatus.PUBLISHED || row.hidden_at !== null) &&
      !(await this.privileged(viewer, row.space_id))
    )
      throw DomainError.notFound('Actualité', { id }).inEnglish('News item not found.');
    return row;
  }

  /** A post row without visibility checks (host references, notifications); null when unknown. */
  async row(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NewsPostRow | null> {
    const [row] = await queryRows<NewsPostRow>(
      manager,
      `SELECT ${NEWS_COLUMNS} FROM ${FROM} WHERE p.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Published, not hidden posts that anyone may read: of one space (`spaceId`), or flagged for
   * the home page across the organization (`spaceId` null); most recent first. Spaces and
   * components that are not published are left out, whoever asks (feeds are public documents).
   * @param limit at most this many posts (1–100)
   */
  async publicPosts(spaceId: string | null, limit: number): Promise<NewsPostDto[]> {
    const rows = await queryRows<NewsPostRow>(
      this.dataSource.manager,
      `SELECT ${NEWS_COLUMNS} FROM ${FROM}
        WHERE p.published_at <= now() AND p.hidden_at IS NULL AND ${visibleToUserSql('p.space_id', '$1', 'p.component_id')}
          AND (($2::uuid IS NULL AND p.on_home_page) OR p.space_id = $2::uuid)
        ORDER BY p.published_at DESC, p.id LIMIT $3`,
      [null, spaceId, Math.max(1, Math.min(100, limit))],
    );
    return this.present(rows, null);
  }

  /**
   * Creates a post: published now (and announced to the space's followers in the same
   * transaction) or scheduled at `publishAt`. Caller: space admins and organization admins;
   * `onHomePage` only organization admins.
   * @throws NOT_FOUND component; BAD_USER_INPUT not a NEWS component, title missing, body empty
   *   (no visible text) or too long (field body), image of another component or unknown (field imageId), image without
   *   alternative text (field imageAlt), `publishAt` not in the future (`reason: SCHEDULE_IN_PAST`);
   *   FORBIDDEN `onHomePage` by a space admin
   */
  async create(input: CreateNewsPostInput, viewer: Viewer): Promise<NewsPostDto> {
    const component = await this.spaces.component(input.componentId, viewer);
    if (component.type !== ComponentType.NEWS) throw notANewsComponent();
    if (!input.title) throw DomainError.required('title');
    if (input.onHomePage && !viewer.user.isAdmin)
      throw DomainError.forbidden(
        'Seuls les administrateurs de l’organisation mettent une actualité à la une de l’accueil.',
        { field: 'onHomePage' },
      ).inEnglish('Only the organization’s administrators feature a news item on the home page.');
    const body = this.body(input.body ?? '');
    const { imageId, imageAlt } = this.image(input.imageId ?? null, input.imageAlt ?? '');
    const id = await inTransaction(this.dataSource, async (manager) => {
      await this.checkImage(manager, imageId, component.id);
      if (input.publishAt) await this.checkFuture(manager, input.publishAt);
      const [row] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO news_posts (component_id, space_id, title, body, image_id, image_alt, author_user_id, on_home_page, published_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::timestamptz, now()), $10) RETURNING id`,
        [
          component.id,
          component.spaceId,
          input.title,
          body,
          imageId,
          imageAlt,
          input.authorKind === NewsAuthorKind.MEMBER ? viewer.user.id : null,
          input.onHomePage ?? false,
          input.publishAt ?? null,
          viewer.user.id,
        ],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'create',
        resourceType: 'news_post',
        resourceId: row.id,
        spaceId: component.spaceId,
        visibility: input.publishAt ? 'ADMIN_ONLY' : 'PUBLIC',
        summary: `Actualité « ${input.title} » ${input.publishAt ? 'programmée' : 'publiée'}`,
      });
      if (input.authorKind === NewsAuthorKind.MEMBER)
        await this.follows.followInTransaction(manager, viewer.user.id, 'NEWS_POST', row.id); // a member who signs follows the conversation
      await this.announceDue(manager, row.id);
      return row.id;
    });
    this.events.committed();
    return this.post(id, viewer);
  }

  /**
   * Edits a post (under its row lock). `publishAt` may move only a post still scheduled, to
   * another future date; `publishAt: null` on a scheduled post publishes it now (announced once).
   * Caller: space admins and organization admins; `onHomePage` only organization admins.
   * @throws NOT_FOUND; BAD_USER_INPUT as {@link create}, and `publishAt` on a published post (field publishAt); FORBIDDEN as {@link create}
   */
  async update(id: string, input: NewsPostFieldsInput, viewer: Viewer): Promise<NewsPostDto> {
    if (input.onHomePage !== undefined && !viewer.user.isAdmin) {
      throw DomainError.forbidden(
        'Seuls les administrateurs de l’organisation mettent une actualité à la une de l’accueil.',
        { field: 'onHomePage' },
      ).inEnglish('Only the organization’s administrators feature a news item on the home page.');
    }
    await inTransaction(this.dataSource, async (manager) => {
      const [locked] = await queryRows<{ id: string }>(
        manager,
        `SELECT id FROM news_posts WHERE id = $1 FOR UPDATE`,
        [checkedId(id)],
      );
      if (!locked)
        throw DomainError.notFound('Actualité', { id }).inEnglish('News item not found.');
      const row = (await this.row(id, manager))!;
      const title = input.title ?? row.title;
      const body = input.body !== undefined ? this.body(input.body) : row.body;
      const { imageId, imageAlt } = this.image(
        input.imageId !== undefined ? input.imageId : row.image_id,
        input.imageAlt ?? row.image_alt,
      );
      if (imageId !== row.image_id) await this.checkImage(manager, imageId, row.component_id);
      let publishedAt: Date | null = row.published_at;
      if (input.publishAt !== undefined) {
        if (row.status === NewsPostStatus.PUBLISHED)
          throw DomainError.badInput('publishAt : cette actualité est déjà publiée.', {
            field: 'publishAt',
            reason: 'ALREADY_PUBLISHED',
          }).inEnglish('This news item is already published.');
        if (input.publishAt) await this.checkFuture(manager, input.publishAt);
        publishedAt = input.publishAt ?? null; // null: now
      }
      const authorUserId =
        input.authorKind === undefined
          ? row.author_user_id
          : input.authorKind === NewsAuthorKind.MEMBER
            ? viewer.user.id
            : null;
      await manager.query(
        `UPDATE news_posts SET title = $2, body = $3, image_id = $4, image_alt = $5, author_user_id = $6, on_home_page = $7,
                published_at = coalesce($8::timestamptz, now()), updated_at = now() WHERE id = $1`,
        [
          id,
          title,
          body,
          imageId,
          imageAlt,
          authorUserId,
          input.onHomePage ?? row.on_home_page,
          publishedAt,
        ],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'update',
        resourceType: 'news_post',
        resourceId: id,
        spaceId: row.space_id,
        visibility:
          row.status === NewsPostStatus.PUBLISHED || publishedAt === null ? 'PUBLIC' : 'ADMIN_ONLY',
        summary: `Actualité « ${title} » modifiée`,
      });
      await this.announceDue(manager, id);
    });
    this.events.committed();
    return this.post(id, viewer);
  }

  /**
   * Deletes a post with its comments' counters (its comments, follows and reports stay in their
   * owners' tables, unreachable). Caller: space admins and organization admins.
   * @throws NOT_FOUND
   */
  async delete(id: string, viewer: Viewer): Promise<boolean> {
    return inTransaction(this.dataSource, async (manager) => {
      const [row] = await queryRows<{ title: string; space_id: string; image_id: string | null }>(
        manager,
        `DELETE FROM news_posts WHERE id = $1 RETURNING title, space_id, image_id`,
        [checkedId(id)],
      );
      if (!row) throw DomainError.notFound('Actualité', { id }).inEnglish('News item not found.');
      if (row.image_id)
        await manager.query(
          `DELETE FROM news_images i WHERE i.id = $1 AND NOT EXISTS (SELECT 1 FROM news_posts p WHERE p.image_id = i.id)`,
          [row.image_id],
        );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'delete',
        resourceType: 'news_post',
        resourceId: id,
        spaceId: row.space_id,
        visibility: 'ADMIN_ONLY',
        summary: `Actualité « ${row.title} » supprimée`,
      });
      return true;
    });
  }

  /**
   * Announces the posts whose publication time has come and that were never announced (one,
   * or all when `postId` is omitted), in the caller's transaction: sets `announced_at` and
   * records one `news.published` event each. Only posts of published spaces and components
   * are announced (a post of a space published later is announced at the next tick after).
   * The caller calls `DomainEventOutbox.committed()` after its commit.
   * @returns the ids announced by this call
   */
  async announceDue(manager: EntityManager, postId?: string): Promise<string[]> {
    const rows = await queryRows<{
      id: string;
      component_id: string;
      space_id: string;
      title: string;
    }>(
      manager,
      `UPDATE news_posts p SET announced_at = now()
        WHERE p.announced_at IS NULL AND p.published_at <= now() AND p.hidden_at IS NULL AND ($1::uuid IS NULL OR p.id = $1::uuid)
          AND EXISTS (SELECT 1 FROM components c JOIN participatory_spaces s ON s.id = c.space_id
                       WHERE c.id = p.component_id AND c.published_at IS NOT NULL AND s.published_at IS NOT NULL)
        RETURNING p.id, p.component_id, p.space_id, p.title`,
      [postId ?? null],
    );
    for (const row of rows) {
      await this.events.record(
        manager,
        'news.published',
        { postId: row.id, componentId: row.component_id, spaceId: row.space_id, title: row.title },
        null,
      );
    }
    return rows.map((r) => r.id);
  }

  /**
   * Stores an uploaded image for a NEWS component (already resized and stripped by {@link toNewsImage}).
   * Caller: space admins of the component's space and organization admins.
   * @returns the image id and its web path
   * @throws NOT_FOUND component; BAD_USER_INPUT not a NEWS component; FORBIDDEN not an admin of its space
   */
  async storeImage(
    componentId: string,
    image: NewsImage,
    viewer: Viewer,
  ): Promise<{ id: string; url: string }> {
    const component = await this.spaces.component(checkedId(componentId, 'componentId'), viewer);
    if (component.type !== ComponentType.NEWS) throw notANewsComponent();
    if (
      !viewer.user.isAdmin &&
      !(await this.access.hasRole(viewer.user.id, component.spaceId, [SpaceRole.ADMIN]))
    )
      throw DomainError.forbidden();
    const [row] = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `INSERT INTO news_images (component_id, bytes, content_type, width, height, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [component.id, image.bytes, image.contentType, image.width, image.height, viewer.user.id],
    );
    return { id: row.id, url: imageUrl(row.id) };
  }

  /**
   * An image's bytes if the caller may see its component (and, once attached, a post using it).
   * @returns null when unknown or not visible
   */
  async imageBytes(
    id: string,
    viewer: Viewer | null,
  ): Promise<{ bytes: Buffer; contentType: string } | null> {
    const [row] = await queryRows<{
      bytes: Buffer;
      content_type: string;
      component_id: string;
      post_id: string | null;
    }>(
      this.dataSource.manager,
      `SELECT i.bytes, i.content_type, i.component_id, (SELECT p.id FROM news_posts p WHERE p.image_id = i.id LIMIT 1) AS post_id FROM news_images i WHERE i.id = $1`,
      [id],
    );
    if (!row) return null;
    const visible = row.post_id
      ? this.visibleRow(row.post_id, viewer)
      : this.spaces.component(row.component_id, viewer).then(async (c) => {
          if (!(await this.privileged(viewer, c.spaceId)))
            throw DomainError.notFound('Image').inEnglish('Image not found.');
        });
    return (await visible.then(
      () => true,
      () => false,
    ))
      ? { bytes: row.bytes, contentType: row.content_type }
      : null;
  }

  /** DTOs of rows, with whether the viewer follows each (one query for all). */
  private async present(rows: NewsPostRow[], viewer: Viewer | null): Promise<NewsPostDto[]> {
    const followed =
      viewer && rows.length
        ? await this.follows.followedAmong(
            viewer.user.id,
            'NEWS_POST',
            rows.map((r) => r.id),
          )
        : new Set<string>();
    return rows.map((row) => ({ ...present(row), viewerFollows: followed.has(row.id) }));
  }

  private body(input: string): string {
    const body = sanitizeRichText(input);
    if (!hasVisibleText(richTextToPlain(body)))
      throw DomainError.badInput('body : le texte de l’actualité est vide.', {
        field: 'body',
      }).inEnglish('The news item’s text is empty.');
    if (richTextToPlain(body).length > NewsLimits.bodyMaxLength)
      throw DomainError.badInput(`body : ${NewsLimits.bodyMaxLength} caractères au plus.`, {
        field: 'body',
      }).inEnglish(`At most ${NewsLimits.bodyMaxLength.toLocaleString('en')} characters.`);
    return body;
  }

  private image(
    imageId: string | null,
    imageAlt: string,
  ): { imageId: string | null; imageAlt: string } {
    const alt = imageAlt.trim();
    if (imageId && !alt)
      throw DomainError.badInput(
        'imageAlt : décrivez l’image en quelques mots (texte alternatif obligatoire).',
        { field: 'imageAlt' },
      ).inEnglish('Describe the image in a few words (alternative text is required).');
    return { imageId, imageAlt: imageId ? alt : '' };
  }

  private async checkImage(
    manager: EntityManager,
    imageId: string | null,
    componentId: string,
  ): Promise<void> {
    if (!imageId) return;
    const [row] = await manager.query(
      `SELECT 1 FROM news_images WHERE id = $1 AND component_id = $2`,
      [imageId, componentId],
    );
    if (!row)
      throw DomainError.badInput(
        'imageId : image inconnue pour ces actualités ; téléversez-la d’abord.',
        { field: 'imageId' },
      ).inEnglish('Unknown image for this news: upload it first.');
  }

  private async checkFuture(manager: EntityManager, at: Date): Promise<void> {
    const [{ past }] = await manager.query(`SELECT $1::timestamptz <= now() AS past`, [at]);
    if (past) throw scheduleInPast();
  }

  private async privileged(viewer: Viewer | null, spaceId: string): Promise<boolean> {
    if (!viewer) return false;
    return (
      viewer.user.isAdmin ||
      this.access.hasRole(viewer.user.id, spaceId, [SpaceRole.ADMIN, SpaceRole.MODERATOR])
    );
  }
}

/** The web path of a stored image. */
export const imageUrl = (id: string): string => `/news-images/${id}.webp`;

/** The first 300 characters of a plain text, cut at a word boundary with « … » when longer. */
function excerptOf(plain: string): string {
  if (plain.length <= 300) return plain;
  const cut = plain.slice(0, 299);
  const space = cut.lastIndexOf(' ');
  return `${(space > 200 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function present(row: NewsPostRow): Omit<NewsPostDto, 'viewerFollows'> {
  const plain = richTextToPlain(row.body);
  return {
    id: row.id,
    componentId: row.component_id,
    spaceId: row.space_id,
    spaceSlug: row.space_slug,
    spaceTitle: row.space_title,
    title: row.title,
    body: row.body,
    excerpt: excerptOf(plain),
    imageUrl: row.image_id ? imageUrl(row.image_id) : null,
    imageAlt: row.image_alt,
    bySpace: row.author_user_id === null,
    authorName: row.author_user_id ? (row.author_name ?? '') : row.space_title,
    authorId: row.author_user_id,
    onHomePage: row.on_home_page,
    publishedAt: row.published_at,
    status: row.status,
    hidden: row.hidden_at !== null,
    commentsCount: row.comments_count,
    followsCount: row.follows_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
