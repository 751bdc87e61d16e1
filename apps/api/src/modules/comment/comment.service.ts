import { SpaceRole } from '@concerto/domain';
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
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { SpaceAccessService } from '../participatory-space/space-access.service';
import { ProposalService } from '../proposal/proposal.service';
import { proposalSettingsOf } from '../proposal/proposal-settings';
import { AddCommentInput, CommentDto } from './dtos/comment.dto';
import type { CommentAlignment, CommentableType } from './entities/comment.entity';
import { hasVisibleText } from '../../common/validation/visible-text';

const MAX_DEPTH = 2;

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
 * Threaded comments on commentables (proposals now). Bodies are sanitised; threads nest up
 * to three levels (depth 0–2, a CHECK constraint); `comments_count` on the commentable moves
 * in the same transaction. Deleting keeps the row (replies stay) and blanks the text.
 */
@Injectable()
export class CommentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalService,
    private readonly access: SpaceAccessService,
    private readonly follows: FollowService,
    private readonly actionLog: ActionLogService,
    private readonly events: DomainEventOutbox,
    private readonly spaces: ParticipatorySpaceService,
  ) {}

  /**
   * The threads on a commentable, oldest first; hidden comments are blanked for participants.
   * @throws NOT_FOUND commentable hidden or unknown
   */
  async thread(type: CommentableType, id: string, viewer: Viewer | null): Promise<CommentDto[]> {
    const { spaceId } = await this.commentable(type, id, viewer);
    const moderator = await this.isModerator(viewer, spaceId);
    const rows: CommentRow[] = await this.dataSource.query(
      `SELECT c.id, c.parent_id, c.depth, c.body, c.alignment, c.author_id, u.name AS author_name, c.created_at, c.edited_at, c.deleted_at, c.hidden_at, c.article_version
         FROM comments c LEFT JOIN users u ON u.id = c.author_id
        WHERE c.commentable_type = $1 AND c.commentable_id = $2 ORDER BY c.created_at, c.id`,
      [type, id],
    );
    const reported = new Set<string>();
    if (viewer && rows.length) {
      const r: { reportable_id: string }[] = await this.dataSource.query(
        `SELECT m.reportable_id FROM reports r JOIN moderations m ON m.id = r.moderation_id WHERE r.user_id = $1 AND m.reportable_type = 'COMMENT' AND m.reportable_id = ANY($2::uuid[])`,
        [viewer.user.id, rows.map((c) => c.id)],
      );
      r.forEach((x) => reported.add(x.reportable_id));
    }
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
   * Adds a comment or a reply; the commenter follows the commentable.
   * @throws NOT_FOUND commentable or parent; FORBIDDEN comments closed; BAD_USER_INPUT empty or
   *         over 5,000 characters, reply deeper than three levels, parent on another commentable
   */
  async add(input: AddCommentInput, viewer: Viewer): Promise<CommentDto> {
    const { spaceId, commentsEnabled } = await this.commentable(input.commentableType, input.commentableId, viewer);
    if (!commentsEnabled) throw DomainError.forbidden('Les commentaires sont fermés.');
    const body = this.checkedBody(input.body);
    const id = await inTransaction(this.dataSource, async (manager) => {
      let depth = 0;
      let parentAuthorId: string | null = null;
      if (input.parentId) {
        const parent = await manager.query(`SELECT depth, commentable_type, commentable_id, deleted_at, author_id FROM comments WHERE id = $1`, [input.parentId]);
        if (!parent.length) throw DomainError.notFound('Commentaire', { field: 'parentId' });
        if (parent[0].commentable_type !== input.commentableType || parent[0].commentable_id !== input.commentableId) {
          throw DomainError.badInput('Le commentaire parent appartient à un autre contenu.', { field: 'parentId' });
        }
        depth = parent[0].depth + 1;
        parentAuthorId = parent[0].author_id;
        if (depth > MAX_DEPTH) throw DomainError.badInput('Les réponses s’arrêtent au troisième niveau.', { field: 'parentId' });
      }
      const [{ id }] = await manager.query(
        `INSERT INTO comments (commentable_type, commentable_id, space_id, author_id, parent_id, depth, body, alignment, article_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                 CASE WHEN $1 = 'ARTICLE' THEN (SELECT version FROM text_articles WHERE id = $2) END) RETURNING id`,
        [input.commentableType, input.commentableId, spaceId, viewer.user.id, input.parentId ?? null, depth, body, input.alignment ?? 'NEUTRAL'],
      );
      await this.moveCounter(manager, input.commentableType, input.commentableId, 1);
      await this.follows.followInTransaction(manager, viewer.user.id, input.commentableType, input.commentableId);
      await this.actionLog.record(manager, { userId: viewer.user.id, action: 'create', resourceType: 'comment', resourceId: id, spaceId, visibility: 'PUBLIC', summary: 'Commentaire publié' });
      const excerpt = richTextToPlain(body).slice(0, 140);
      await this.events.record(
        manager,
        'comment.created',
        { commentId: id, commentableType: input.commentableType, commentableId: input.commentableId, spaceId, authorId: viewer.user.id, parentAuthorId, title: excerpt },
        viewer.user.id,
      );
      return id as string;
    });
    this.events.committed();
    return this.one(id, viewer);
  }

  /** Edits one's own comment. @throws NOT_FOUND; FORBIDDEN not the author; CONFLICT deleted; BAD_USER_INPUT length */
  async edit(id: string, body: string, viewer: Viewer): Promise<CommentDto> {
    const clean = this.checkedBody(body);
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.lockOwn(manager, id, viewer);
      await manager.query(`UPDATE comments SET body = $2, edited_at = now() WHERE id = $1`, [id, clean]);
      await this.actionLog.record(manager, { userId: viewer.user.id, action: 'update', resourceType: 'comment', resourceId: id, spaceId: row.space_id, visibility: 'PUBLIC', summary: 'Commentaire modifié' });
    });
    return this.one(id, viewer);
  }

  /** Deletes one's own comment (replies stay). @throws NOT_FOUND; FORBIDDEN not the author; CONFLICT already deleted */
  async remove(id: string, viewer: Viewer): Promise<boolean> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.lockOwn(manager, id, viewer);
      await manager.query(`UPDATE comments SET deleted_at = now() WHERE id = $1`, [id]);
      await this.moveCounter(manager, row.commentable_type, row.commentable_id, -1);
      await this.actionLog.record(manager, { userId: viewer.user.id, action: 'delete', resourceType: 'comment', resourceId: id, spaceId: row.space_id, visibility: 'PUBLIC', summary: 'Commentaire supprimé' });
    });
    return true;
  }

  private async one(id: string, viewer: Viewer): Promise<CommentDto> {
    const [row] = await this.dataSource.query(`SELECT commentable_type, commentable_id FROM comments WHERE id = $1`, [id]);
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
    if (!rows.length) throw DomainError.notFound('Commentaire', { id });
    if (rows[0].author_id !== viewer.user.id) throw DomainError.forbidden('Seul l’auteur peut modifier ou supprimer son commentaire.');
    if (rows[0].deleted_at) throw DomainError.conflict('Ce commentaire est déjà supprimé.');
    return rows[0] as { space_id: string; commentable_type: CommentableType; commentable_id: string };
  }

  /**
   * Where a commentable lives and whether it takes comments: proposals; articles of a published
   * participatory text (the comment keeps the article's version); amendments visible to the viewer.
   */
  private async commentable(type: CommentableType, id: string, viewer: Viewer | null): Promise<{ spaceId: string; commentsEnabled: boolean; articleVersion?: number }> {
    if (type === 'PROPOSAL') {
      const proposal = await this.proposals.byId(id, viewer);
      const component = await this.proposals.visibleProposalsComponent(proposal.componentId, viewer);
      return { spaceId: component.spaceId, commentsEnabled: proposalSettingsOf(component.settings).commentsEnabled };
    }
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw DomainError.badInput('Identifiant invalide.', { field: 'commentableId' });
    if (type === 'ARTICLE') {
      const [article] = await this.dataSource.query(
        `SELECT a.component_id, a.version, t.published_at FROM text_articles a JOIN participatory_texts t ON t.component_id = a.component_id WHERE a.id = $1`,
        [id],
      );
      if (!article || !article.published_at) throw DomainError.notFound('Article', { id });
      const component = await this.spaces.component(article.component_id, viewer);
      return { spaceId: component.spaceId, commentsEnabled: component.settings.commentsEnabled !== false, articleVersion: article.version };
    }
    if (type === 'AMENDMENT') {
      const [amendment] = await this.dataSource.query(`SELECT component_id, author_id FROM amendments WHERE id = $1`, [id]);
      if (!amendment) throw DomainError.notFound('Amendement', { id });
      const component = await this.spaces.component(amendment.component_id, viewer);
      const ownOnly = component.settings.amendmentsVisibility === 'ONLY_OWN';
      if (ownOnly && amendment.author_id !== viewer?.user.id && !(await this.isModerator(viewer, component.spaceId))) throw DomainError.notFound('Amendement', { id });
      return { spaceId: component.spaceId, commentsEnabled: component.settings.commentsEnabled !== false };
    }
    throw DomainError.badInput(`Type de contenu non commentable : ${type}`, { field: 'commentableType' });
  }

  private async moveCounter(manager: EntityManager, type: CommentableType, id: string, delta: number) {
    if (type === 'PROPOSAL') await manager.query(`UPDATE proposals SET comments_count = comments_count + $2 WHERE id = $1`, [id, delta]);
    if (type === 'ARTICLE') await manager.query(`UPDATE text_articles SET comments_count = comments_count + $2 WHERE id = $1`, [id, delta]);
    if (type === 'AMENDMENT') await manager.query(`UPDATE amendments SET comments_count = comments_count + $2 WHERE id = $1`, [id, delta]);
  }

  private async isModerator(viewer: Viewer | null, spaceId: string): Promise<boolean> {
    if (!viewer) return false;
    return viewer.user.isAdmin || this.access.hasRole(viewer.user.id, spaceId, [SpaceRole.ADMIN, SpaceRole.MODERATOR]);
  }

  private checkedBody(body: string): string {
    const html = sanitizeRichText(body);
    const text = richTextToPlain(html);
    const length = text.length;
    if (!hasVisibleText(text)) throw DomainError.badInput('body: le commentaire est vide', { field: 'body' });
    if (length > 5000) throw DomainError.badInput('body: 5 000 caractères au plus', { field: 'body' });
    return html;
  }
}
