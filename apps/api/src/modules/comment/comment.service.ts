import { COMMENT_MAX_DEPTH, CommentLimits, SpaceRole } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../common/database/unit-of-work';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { richTextToPlain, sanitizeRichText } from '../../common/rich-text/rich-text';
import { ActionLogService } from '../action-log/action-log.service';
import { FollowService } from '../follow/follow.service';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { SpaceAccessService } from '../participatory-space/space-access.service';
import { ResourceHosts } from '../../platform/component-registry';
import { ModerationService } from '../moderation/moderation.service';
import { AddCommentInput, CommentDto } from './dtos/comment.dto';
import type { CommentAlignment, CommentableType } from './entities/comment.entity';
import { hasVisibleText } from '../../common/validation/visible-text';

interface CommentRow {
  id: string;
  parent_id: string | null;
  depth: number;
  body: string;
  alignment: CommentAlignment;
  author_id: string | null;
  author_name: string | null;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  hidden_at: Date | null;
  article_version: number | null;
}

/**
 * Threaded comments on commentables: any host whose adapter has a `comments` part (proposals,
 * articles, amendments today). Bodies are sanitised; threads nest up to three levels (depth
 * 0–2, a CHECK constraint); the host's comments counter moves in the same transaction.
 * Deleting keeps the row (replies stay) and blanks the text.
 */
@Injectable()
export class CommentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hosts: ResourceHosts,
    private readonly access: SpaceAccessService,
    private readonly follows: FollowService,
    private readonly actionLog: ActionLogService,
    private readonly events: DomainEventOutbox,
    private readonly moderation: ModerationService,
  ) {}

  /**
   * The threads on a commentable, oldest first; hidden comments are blanked for participants.
   * @throws NOT_FOUND commentable hidden or unknown
   */
  async thread(type: CommentableType, id: string, viewer: Viewer | null): Promise<CommentDto[]> {
    const { spaceId } = (await this.commentable(type, id, viewer)).resource;
    const moderator = await this.isModerator(viewer, spaceId);
    const rows: CommentRow[] = await this.dataSource.query(
      `SELECT c.id, c.parent_id, c.depth, c.body, c.alignment, c.author_id, u.name AS author_name, c.created_at, c.edited_at, c.deleted_at, c.hidden_at, c.article_version
         FROM comments c LEFT JOIN users u ON u.id = c.author_id
        WHERE c.commentable_type = $1 AND c.commentable_id = $2 ORDER BY c.created_at, c.id`,
      [type, id],
    );
    const reported = viewer
      ? await this.moderation.reportedAmong(
          viewer.user.id,
          'COMMENT',
          rows.map((c) => c.id),
        )
      : new Set<string>();
    const byId = new Map<string, CommentDto>();
    const roots: CommentDto[] = [];
    for (const row of rows) {
      const concealed = row.deleted_at !== null || (row.hidden_at !== null && !moderator);
      const dto: CommentDto = {
        id: row.id,
        parentId: row.parent_id,
        depth: row.depth,
        body: concealed ? '' : row.body,
        alignment: row.alignment,
        authorId: row.deleted_at ? null : row.author_id,
        authorName: row.deleted_at ? null : row.author_name,
        createdAt: row.created_at,
        editedAt: row.edited_at,
        deleted: row.deleted_at !== null,
        hidden: row.hidden_at !== null,
        viewerIsAuthor: !!viewer && row.author_id === viewer.user.id && !row.deleted_at,
        viewerReported: reported.has(row.id),
        articleVersion: row.article_version,
        replies: [],
      };
      byId.set(row.id, dto);
      const parent = row.parent_id ? byId.get(row.parent_id) : undefined;
      (parent ? parent.replies : roots).push(dto);
    }
    return roots;
  }

  /**
   * Adds a comment or a reply; the commenter follows the commentable. The answer is built from
   * what the transaction wrote (no read of the thread after it).
   * @throws NOT_FOUND commentable or parent; FORBIDDEN comments closed; BAD_USER_INPUT empty or
   *         over 5,000 characters, reply deeper than three levels, parent on another commentable
   */
  async add(input: AddCommentInput, viewer: Viewer): Promise<CommentDto> {
    const { host, resource } = await this.commentable(
      input.commentableType,
      input.commentableId,
      viewer,
    );
    const spaceId = resource.spaceId;
    if (!host.comments.enabled(resource))
      throw DomainError.forbidden('Les commentaires sont fermés.').inEnglish(
        'Comments are closed.',
      );
    const body = this.checkedBody(input.body);
    const added = await inTransaction(this.dataSource, async (manager) => {
      let depth = 0;
      let parentAuthorId: string | null = null;
      if (input.parentId) {
        const parent = await manager.query(
          `SELECT depth, commentable_type, commentable_id, deleted_at, author_id FROM comments WHERE id = $1`,
          [input.parentId],
        );
        if (!parent.length)
          throw DomainError.notFound('Commentaire', { field: 'parentId' }).inEnglish(
            'Comment not found.',
          );
        if (
          parent[0].commentable_type !== input.commentableType ||
          parent[0].commentable_id !== input.commentableId
        ) {
          throw DomainError.badInput('Le commentaire parent appartient à un autre contenu.', {
            field: 'parentId',
          }).inEnglish('The parent comment belongs to another piece of content.');
        }
        depth = parent[0].depth + 1;
        parentAuthorId = parent[0].author_id;
        if (depth > COMMENT_MAX_DEPTH)
          throw DomainError.badInput('Les réponses s’arrêtent au troisième niveau.', {
            field: 'parentId',
          }).inEnglish('Replies stop at the third level.');
      }
      const [inserted] = await manager.query(
        `INSERT INTO comments (commentable_type, commentable_id, space_id, author_id, parent_id, depth, body, alignment, article_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, depth, alignment, created_at, article_version`,
        [
          input.commentableType,
          input.commentableId,
          spaceId,
          viewer.user.id,
          input.parentId ?? null,
          depth,
          body,
          input.alignment ?? 'NEUTRAL',
          (await host.comments.versionOf?.(manager, input.commentableId)) ?? null,
        ],
      );
      const id = inserted.id as string;
      await host.comments.moveCount(manager, input.commentableId, 1);
      await this.follows.followInTransaction(
        manager,
        viewer.user.id,
        input.commentableType,
        input.commentableId,
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'create',
        resourceType: 'comment',
        resourceId: id,
        spaceId,
        visibility: 'PUBLIC',
        summary: 'Commentaire publié',
      });
      const excerpt = richTextToPlain(body).slice(0, 140);
      await this.events.record(
        manager,
        'comment.created',
        {
          commentId: id,
          commentableType: input.commentableType,
          commentableId: input.commentableId,
          spaceId,
          authorId: viewer.user.id,
          parentAuthorId,
          title: excerpt,
        },
        viewer.user.id,
      );
      return inserted as {
        id: string;
        depth: number;
        alignment: CommentDto['alignment'];
        created_at: Date;
        article_version: number | null;
      };
    });
    this.events.committed();
    // the new comment as its author sees it in the thread, from what the transaction wrote
    return {
      id: added.id,
      parentId: input.parentId ?? null,
      depth: added.depth,
      body,
      alignment: added.alignment,
      authorId: viewer.user.id,
      authorName: viewer.user.name,
      createdAt: added.created_at,
      editedAt: null,
      deleted: false,
      hidden: false,
      viewerIsAuthor: true,
      viewerReported: false,
      articleVersion: added.article_version,
      replies: [],
    };
  }

  /** Edits one's own comment. @throws NOT_FOUND; FORBIDDEN not the author; CONFLICT deleted; BAD_USER_INPUT length */
  async edit(id: string, body: string, viewer: Viewer): Promise<CommentDto> {
    const clean = this.checkedBody(body);
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.lockOwn(manager, id, viewer);
      await manager.query(`UPDATE comments SET body = $2, edited_at = now() WHERE id = $1`, [
        id,
        clean,
      ]);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'update',
        resourceType: 'comment',
        resourceId: id,
        spaceId: row.space_id,
        visibility: 'PUBLIC',
        summary: 'Commentaire modifié',
      });
    });
    return this.one(id, viewer);
  }

  /** Deletes one's own comment (replies stay). @throws NOT_FOUND; FORBIDDEN not the author; CONFLICT already deleted */
  async remove(id: string, viewer: Viewer): Promise<boolean> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.lockOwn(manager, id, viewer);
      await manager.query(`UPDATE comments SET deleted_at = now() WHERE id = $1`, [id]);
      await this.hosts
        .require(row.commentable_type, 'comments', 'id')
        .comments.moveCount(manager, row.commentable_id, -1);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'delete',
        resourceType: 'comment',
        resourceId: id,
        spaceId: row.space_id,
        visibility: 'PUBLIC',
        summary: 'Commentaire supprimé',
      });
    });
    return true;
  }

  private async one(id: string, viewer: Viewer): Promise<CommentDto> {
    const [row] = await this.dataSource.query(
      `SELECT commentable_type, commentable_id FROM comments WHERE id = $1`,
      [id],
    );
    const find = (list: CommentDto[]): CommentDto | undefined => {
      for (const c of list) {
        if (c.id === id) return c;
        const inner = find(c.replies);
        if (inner) return inner;
      }
      return undefined;
    };
    return find(await this.thread(row.commentable_type, row.commentable_id, viewer))!;
  }

  private async lockOwn(manager: EntityManager, id: string, viewer: Viewer) {
    const rows = await manager.query(`SELECT * FROM comments WHERE id = $1 FOR UPDATE`, [id]);
    if (!rows.length)
      throw DomainError.notFound('Commentaire', { id }).inEnglish('Comment not found.');
    if (rows[0].author_id !== viewer.user.id)
      throw DomainError.forbidden(
        'Seul l’auteur peut modifier ou supprimer son commentaire.',
      ).inEnglish('Only the author can edit or delete their comment.');
    if (rows[0].deleted_at)
      throw DomainError.conflict('Ce commentaire est déjà supprimé.').inEnglish(
        'This comment is already deleted.',
      );
    return rows[0] as {
      space_id: string;
      commentable_type: CommentableType;
      commentable_id: string;
    };
  }

  /** The host of a commentable and the resource as the viewer sees it. @throws NOT_FOUND; BAD_USER_INPUT */
  private async commentable(
    type: CommentableType,
    id: string,
    viewer: Viewer | null,
    manager?: EntityManager,
  ) {
    const host = this.hosts.require(type, 'comments', 'commentableType');
    const resource = await host.locate(id, viewer, manager);
    if (resource.hidden && !(await this.isModerator(viewer, resource.spaceId)))
      throw DomainError.notFound('Contenu', { id }).inEnglish('Content not found.');
    return { host, resource };
  }

  private async isModerator(viewer: Viewer | null, spaceId: string): Promise<boolean> {
    if (!viewer) return false;
    return (
      viewer.user.isAdmin ||
      this.access.hasRole(viewer.user.id, spaceId, [SpaceRole.ADMIN, SpaceRole.MODERATOR])
    );
  }

  private checkedBody(body: string): string {
    const html = sanitizeRichText(body);
    const text = richTextToPlain(html);
    const length = text.length;
    if (!hasVisibleText(text))
      throw DomainError.badInput('body: le commentaire est vide', { field: 'body' }).inEnglish(
        'The comment is empty.',
      );
    if (length > CommentLimits.bodyMax)
      throw DomainError.badInput('body: 5 000 caractères au plus', { field: 'body' }).inEnglish(
        'At most 5,000 characters.',
      );
    return html;
  }
}
