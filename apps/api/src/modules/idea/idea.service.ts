import {
  ComponentType,
  IdeaLimits,
  IdeaModeration,
  IdeaOrigin,
  IdeaStatus,
  SpaceRole,
} from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { inTransaction, pgConstraint, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { hasVisibleText, trimText } from '../../common/validation/visible-text';
import { checkedId } from '../../platform/component-resource';
import { ActionLogService } from '../action-log/action-log.service';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { SpaceAccessService } from '../participatory-space/space-access.service';
import { IdeaBoxDto, IdeaDto } from './dtos/idea.dto';
import { CreateIdeaBoxInput } from './dtos/idea.inputs';
import { ideasManifest, type IdeaSettings } from './idea.manifest';

/** An idea box row with its exact counts. */
export interface IdeaBoxRow {
  id: string;
  component_id: string;
  space_id: string;
  question: string;
  description: string;
  published_at: Date | null;
  scored_comparisons: number;
  is_demo: boolean;
  ideas_count: number;
  pending_count: number;
  comparisons_count: number;
}

/** An idea row. */
export interface IdeaRow {
  id: string;
  box_id: string;
  body: string;
  origin: IdeaOrigin;
  status: IdeaStatus;
  author_id: string | null;
  rejection_reason: string;
  wins: number;
  losses: number;
  strength: number;
  score: number;
  score_low: number;
  score_high: number;
  comments_count: number;
  follows_count: number;
  hidden_at: Date | null;
  created_at: Date;
}

/** An idea in the booth with what weighs its draw. */
export interface BoothCandidate {
  id: string;
  comparisons: number;
  width: number;
}

/** How long the weights of the pair draw are kept per box in one process. */
export const CANDIDATES_TTL_MS = 1000;

/** A box as the viewer may see it, with its component's settings and place. */
export interface VisibleBox {
  row: IdeaBoxRow;
  settings: IdeaSettings;
  privileged: boolean;
  path: string;
}

const BOX_BASE_COLUMNS = `b.id, b.component_id, b.space_id, b.question, b.description, b.published_at, b.scored_comparisons, b.is_demo`;
/** Without the counts (the booth's hot path: the counts read every idea of the box). */
const BOX_LIGHT_COLUMNS = `${BOX_BASE_COLUMNS}, 0 AS ideas_count, 0 AS pending_count, 0 AS comparisons_count`;
const BOX_COLUMNS = `${BOX_BASE_COLUMNS},
  (SELECT count(*)::int FROM ideas i WHERE i.box_id = b.id AND i.status = 'PUBLISHED' AND i.hidden_at IS NULL) AS ideas_count,
  (SELECT count(*)::int FROM ideas i WHERE i.box_id = b.id AND i.status = 'PENDING') AS pending_count,
  (SELECT coalesce(sum(i.wins), 0)::int FROM ideas i WHERE i.box_id = b.id) AS comparisons_count`;

export const IDEA_COLUMNS = `i.id, i.box_id, i.body, i.origin, i.status, i.author_id, i.rejection_reason, i.wins, i.losses, i.strength, i.score, i.score_low, i.score_high,
  i.comments_count, i.follows_count, i.hidden_at, i.created_at`;

/** Maps an idea row to its GraphQL type (the author is never exposed, only whether it is the viewer). */
export function toIdeaDto(row: IdeaRow, viewer: Viewer | null): IdeaDto {
  return {
    id: row.id,
    boxId: row.box_id,
    body: row.body,
    origin: row.origin,
    status: row.status,
    rejectionReason: row.rejection_reason,
    mine: viewer !== null && row.author_id === viewer.user.id,
    hidden: row.hidden_at !== null,
    commentsCount: row.comments_count,
    followsCount: row.follows_count,
    createdAt: row.created_at,
  };
}

/**
 * Normalises an idea text: trimmed, inner runs of spaces collapsed.
 * @throws BAD_USER_INPUT (field `field`) blank, shorter than 3 or longer than 280 characters
 */
export function ideaBody(text: string, field = 'body'): string {
  const body = trimText(String(text ?? '')).replace(/\s+/g, ' ');
  if (!hasVisibleText(body))
    throw DomainError.badInput('Écrivez votre idée : le texte est vide.', { field }).inEnglish(
      'Write your idea: the text is empty.',
    );
  if (body.length < IdeaLimits.bodyMinLength)
    throw DomainError.badInput(`Une idée fait au moins ${IdeaLimits.bodyMinLength} caractères.`, {
      field,
    }).inEnglish(`An idea has at least ${IdeaLimits.bodyMinLength} characters.`);
  if (body.length > IdeaLimits.bodyMaxLength)
    throw DomainError.badInput(
      `Une idée fait au plus ${IdeaLimits.bodyMaxLength} caractères (${body.length} ici).`,
      { field },
    ).inEnglish(
      `An idea has at most ${IdeaLimits.bodyMaxLength} characters (${body.length} here).`,
    );
  return body;
}

/**
 * Boîtes à idées (IDEAS components): boxes, their ideas and the moderation of ideas.
 * The booth (pairs, votes) is {@link IdeaBoothService}; scores are {@link IdeaScoringService}.
 *
 * Tables owned: `idea_boxes`, `ideas`, `idea_voters`, `idea_pairs` (with the booth and scoring services).
 */
@Injectable()
export class IdeaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly access: SpaceAccessService,
    private readonly actionLog: ActionLogService,
    private readonly events: DomainEventOutbox,
  ) {}

  private readonly candidateCache = new Map<string, { rows: BoothCandidate[]; until: number }>();

  /**
   * Boxes of an IDEAS component, oldest first (unpublished ones only for the space's admins and moderators).
   * Caller: anyone who may see the component.
   * @throws NOT_FOUND component unknown or hidden; BAD_USER_INPUT not an IDEAS component
   */
  async list(componentId: string, viewer: Viewer | null): Promise<IdeaBoxDto[]> {
    const component = await this.spaces.component(checkedId(componentId, 'componentId'), viewer);
    if (component.type !== ComponentType.IDEAS)
      throw DomainError.badInput('Cette fonctionnalité n’est pas une boîte à idées.', {
        field: 'componentId',
      }).inEnglish('This feature is not an idea box.');
    const privileged = await this.privileged(viewer, component.spaceId);
    const rows = await queryRows<IdeaBoxRow>(
      this.dataSource.manager,
      `SELECT ${BOX_COLUMNS} FROM idea_boxes b WHERE b.component_id = $1 ${privileged ? '' : 'AND b.published_at IS NOT NULL'} ORDER BY b.created_at, b.id`,
      [componentId],
    );
    const place = await this.spaces.componentPlace(componentId);
    const settings = ideasManifest.settingsOf(component.settings);
    return rows.map((row) =>
      this.toBoxDto({ row, settings, privileged, path: `${place?.path ?? ''}/idees/${row.id}` }),
    );
  }

  /** One box. Caller: anyone who may see it. @throws NOT_FOUND, BAD_USER_INPUT (malformed id) */
  async box(id: string, viewer: Viewer | null): Promise<IdeaBoxDto> {
    return this.toBoxDto(await this.visibleBox(id, viewer));
  }

  /**
   * The box as `viewer` may see it, with its component's settings (and its counts unless `withCounts` is false: then they read 0).
   * @throws NOT_FOUND unknown, in a component the viewer may not see, or unpublished for a non-moderator
   */
  async visibleBox(
    id: string,
    viewer: Viewer | null,
    manager: EntityManager = this.dataSource.manager,
    field = 'boxId',
    withCounts = true,
  ): Promise<VisibleBox> {
    const [row] = await queryRows<IdeaBoxRow>(
      manager,
      `SELECT ${withCounts ? BOX_COLUMNS : BOX_LIGHT_COLUMNS} FROM idea_boxes b WHERE b.id = $1`,
      [checkedId(id, field)],
    );
    if (!row) throw DomainError.notFound('Boîte à idées', { id }).inEnglish('Idea box not found.');
    const component = await this.spaces.component(row.component_id, viewer);
    const privileged = await this.privileged(viewer, row.space_id);
    if (row.published_at === null && !privileged)
      throw DomainError.notFound('Boîte à idées', { id }).inEnglish('Idea box not found.');
    const place = await this.spaces.componentPlace(row.component_id, manager);
    return {
      row,
      settings: ideasManifest.settingsOf(component.settings),
      privileged,
      path: `${place?.path ?? ''}/idees/${row.id}`,
    };
  }

  /**
   * Ideas of a box. Published, visible ideas for everyone; with `status` PENDING or REJECTED (the
   * moderation queue) only for the space's admins and moderators, who also see hidden ones.
   * Participants also see their own pending ideas. Newest first for the queue, oldest first otherwise.
   * @throws NOT_FOUND box invisible; FORBIDDEN a non-moderator asking for PENDING or REJECTED
   */
  async ideas(boxId: string, status: IdeaStatus | null, viewer: Viewer | null): Promise<IdeaDto[]> {
    const box = await this.visibleBox(boxId, viewer);
    if (status && status !== IdeaStatus.PUBLISHED && !box.privileged)
      throw DomainError.forbidden(
        'Seuls les modérateurs voient les idées en attente ou refusées.',
      ).inEnglish('Only moderators see pending or rejected ideas.');
    const params: unknown[] = [box.row.id];
    let where: string;
    if (status) {
      params.push(status);
      where = `i.status = $2 ${box.privileged ? '' : 'AND i.hidden_at IS NULL'}`;
    } else if (box.privileged) {
      where = 'true';
    } else {
      params.push(viewer?.user.id ?? null);
      where = `(i.status = 'PUBLISHED' AND i.hidden_at IS NULL) OR (i.status = 'PENDING' AND i.author_id = $2)`;
    }
    const order =
      status === IdeaStatus.PENDING || status === IdeaStatus.REJECTED
        ? 'i.created_at DESC, i.id'
        : 'i.created_at, i.id';
    const rows = await queryRows<IdeaRow>(
      this.dataSource.manager,
      `SELECT ${IDEA_COLUMNS} FROM ideas i WHERE i.box_id = $1 AND (${where}) ORDER BY ${order} LIMIT 5000`,
      params,
    );
    return rows.map((r) => toIdeaDto(r, viewer));
  }

  /**
   * The idea row as `viewer` may see it: published and visible, or the viewer's own, or any for moderators.
   * @throws NOT_FOUND otherwise; BAD_USER_INPUT malformed id
   */
  async visibleIdea(
    id: string,
    viewer: Viewer | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<IdeaRow> {
    const [row] = await queryRows<IdeaRow>(
      manager,
      `SELECT ${IDEA_COLUMNS} FROM ideas i WHERE i.id = $1`,
      [checkedId(id)],
    );
    if (!row) throw DomainError.notFound('Idée', { id }).inEnglish('Idea not found.');
    const box = await this.visibleBox(row.box_id, viewer, manager);
    const own = viewer !== null && row.author_id === viewer.user.id;
    if (!box.privileged && !own && (row.status !== IdeaStatus.PUBLISHED || row.hidden_at !== null))
      throw DomainError.notFound('Idée', { id }).inEnglish('Idea not found.');
    return row;
  }

  /**
   * Creates a box with its seed ideas (origin SEED, published). Caller: space admins (guarded by the resolver).
   * @throws NOT_FOUND component; BAD_USER_INPUT not an IDEAS component, question or a seed idea malformed
   *         (`field` = `input.question`, `input.seedIdeas.<n>`); CONFLICT two seed ideas alike (`field` = `input.seedIdeas.<n>`)
   */
  async create(input: CreateIdeaBoxInput, viewer: Viewer): Promise<IdeaBoxDto> {
    const component = await this.spaces.component(
      checkedId(input.componentId, 'componentId'),
      viewer,
    );
    if (component.type !== ComponentType.IDEAS)
      throw DomainError.badInput('Cette fonctionnalité n’est pas une boîte à idées.', {
        field: 'componentId',
      }).inEnglish('This feature is not an idea box.');
    const question = trimText(input.question ?? '');
    if (question.length < IdeaLimits.questionMinLength || !hasVisibleText(question))
      throw DomainError.badInput(
        `La question fait au moins ${IdeaLimits.questionMinLength} caractères.`,
        { field: 'question' },
      ).inEnglish(`The question has at least ${IdeaLimits.questionMinLength} characters.`);
    const seeds = (input.seedIdeas ?? []).map((text, n) => ideaBody(text, `seedIdeas.${n}`));
    const seen = new Map<string, number>();
    seeds.forEach((s, n) => {
      const key = s.toLowerCase();
      if (seen.has(key))
        throw DomainError.conflict(`Les idées ${seen.get(key)! + 1} et ${n + 1} sont identiques.`, {
          field: `seedIdeas.${n}`,
        }).inEnglish(`Ideas ${seen.get(key)! + 1} and ${n + 1} are the same.`);
      seen.set(key, n);
    });
    const id = await inTransaction(this.dataSource, async (manager) => {
      const [box] = await manager.query(
        `INSERT INTO idea_boxes (component_id, space_id, question, description, published_at, created_by)
         VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END, $6) RETURNING id`,
        [
          component.id,
          component.spaceId,
          question,
          trimText(input.description ?? ''),
          input.published !== false,
          viewer.user.id,
        ],
      );
      if (seeds.length) {
        await manager.query(
          // created_at one microsecond apart keeps the seeds in the order given
          `INSERT INTO ideas (box_id, body, origin, status, author_id, created_at)
           SELECT $1, body, 'SEED', 'PUBLISHED', $3, now() + n * interval '1 microsecond' FROM unnest($2::text[]) WITH ORDINALITY AS s(body, n)`,
          [box.id, seeds, viewer.user.id],
        );
      }
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'create',
        resourceType: 'idea_box',
        resourceId: box.id,
        spaceId: component.spaceId,
        visibility: 'PUBLIC',
        summary: `Boîte à idées « ${question.slice(0, 120)} » (${seeds.length} idée${seeds.length > 1 ? 's' : ''})`,
      });
      return box.id as string;
    });
    return this.box(id, viewer);
  }

  /**
   * Adds an idea. A participant's idea is PUBLISHED at once, or PENDING when the box moderates;
   * an admin's or moderator's is a SEED idea, published. Caller: signed-in participants when the
   * setting allows, the space's admins and moderators always.
   * @throws NOT_FOUND box; FORBIDDEN participants may not add ideas here; BAD_USER_INPUT (field `body`) blank, too short or long;
   *         CONFLICT (field `body`) the same idea is already in the box
   */
  async add(boxId: string, text: string, viewer: Viewer): Promise<IdeaDto> {
    const box = await this.visibleBox(boxId, viewer);
    if (!box.privileged && !box.settings.participantIdeasEnabled)
      throw DomainError.forbidden(
        'Cette boîte à idées ne reçoit pas d’idées des participants.',
      ).inEnglish('This idea box does not take ideas from participants.');
    if (!box.privileged && box.row.published_at === null)
      throw DomainError.notFound('Boîte à idées', { id: boxId }).inEnglish('Idea box not found.');
    const body = ideaBody(text);
    const status =
      box.privileged || !box.settings.ideasModerated ? IdeaStatus.PUBLISHED : IdeaStatus.PENDING;
    const origin = box.privileged ? IdeaOrigin.SEED : IdeaOrigin.PARTICIPANT;
    try {
      const row = await inTransaction(this.dataSource, async (manager) => {
        const [inserted] = await queryRows<IdeaRow>(
          manager,
          `INSERT INTO ideas AS i (box_id, body, origin, status, author_id) VALUES ($1, $2, $3, $4, $5) RETURNING ${IDEA_COLUMNS}`,
          [box.row.id, body, origin, status, viewer.user.id],
        );
        await this.actionLog.record(manager, {
          userId: viewer.user.id,
          action: 'create',
          resourceType: 'idea',
          resourceId: inserted.id,
          spaceId: box.row.space_id,
          visibility: status === IdeaStatus.PUBLISHED ? 'PUBLIC' : 'ADMIN_ONLY',
          summary:
            status === IdeaStatus.PUBLISHED
              ? 'Idée ajoutée'
              : 'Idée proposée, en attente de modération',
        });
        if (status === IdeaStatus.PUBLISHED) {
          await this.events.record(
            manager,
            'ideaBox.changed',
            { boxId: box.row.id, componentId: box.row.component_id, kind: 'IDEA_PUBLISHED' },
            viewer.user.id,
          );
        }
        return inserted;
      });
      this.candidateCache.delete(box.row.id);
      return toIdeaDto(row, viewer);
    } catch (error) {
      if (pgConstraint(error) === 'ideas_body_once')
        throw DomainError.conflict('Cette idée est déjà dans la boîte.', {
          field: 'body',
        }).inEnglish('This idea is already in the box.');
      throw error;
    }
  }

  /**
   * Publishes or rejects an idea (with an optional reason). Caller: the space's admins and moderators (guarded by the resolver).
   * @throws NOT_FOUND idea; BAD_USER_INPUT (field `reason`) over 500 characters
   */
  async moderate(
    ideaId: string,
    decision: IdeaModeration,
    reason: string,
    viewer: Viewer,
  ): Promise<IdeaDto> {
    const current = await this.visibleIdea(ideaId, viewer);
    const why = trimText(reason ?? '');
    if (why.length > IdeaLimits.rejectionReasonMaxLength)
      throw DomainError.badInput(
        `La raison fait au plus ${IdeaLimits.rejectionReasonMaxLength} caractères.`,
        { field: 'reason' },
      ).inEnglish(`The reason has at most ${IdeaLimits.rejectionReasonMaxLength} characters.`);
    const status = decision === IdeaModeration.PUBLISH ? IdeaStatus.PUBLISHED : IdeaStatus.REJECTED;
    const row = await inTransaction(this.dataSource, async (manager) => {
      const [updated] = await queryRows<IdeaRow>(
        manager,
        `UPDATE ideas i SET status = $2, rejection_reason = CASE WHEN $2 = 'REJECTED' THEN $3 ELSE '' END, moderated_at = now() WHERE i.id = $1 RETURNING ${IDEA_COLUMNS}`,
        [current.id, status, why],
      );
      // an open pair holding a rejected idea is dropped: it can no longer be answered
      if (status === IdeaStatus.REJECTED) {
        await manager.query(
          `DELETE FROM idea_pairs WHERE answered_at IS NULL AND (left_idea_id = $1 OR right_idea_id = $1)`,
          [current.id],
        );
      }
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: status === IdeaStatus.PUBLISHED ? 'publish' : 'reject',
        resourceType: 'idea',
        resourceId: current.id,
        spaceId: (await this.visibleBox(current.box_id, viewer, manager)).row.space_id,
        visibility: status === IdeaStatus.PUBLISHED ? 'PUBLIC' : 'ADMIN_ONLY',
        summary: status === IdeaStatus.PUBLISHED ? 'Idée publiée' : 'Idée refusée',
      });
      const [box] = await manager.query(`SELECT component_id FROM idea_boxes WHERE id = $1`, [
        current.box_id,
      ]);
      await this.events.record(
        manager,
        'ideaBox.changed',
        { boxId: current.box_id, componentId: box.component_id, kind: 'IDEA_PUBLISHED' },
        viewer.user.id,
      );
      return updated;
    });
    this.candidateCache.delete(current.box_id);
    return toIdeaDto(row, viewer);
  }

  /**
   * The box's ideas in the booth with their comparisons and interval widths: the weights of the
   * pair draw. Kept {@link CANDIDATES_TTL_MS} per box in this process (otherwise every pair reads
   * 1,000 rows at 1,000 ideas); an idea added or moderated here clears it at once, in another
   * process it shows within that time. An idea rejected or hidden meanwhile is caught when its
   * pair is shown, and the booth then asks again with `fresh`.
   */
  async boothCandidates(boxId: string, fresh = false): Promise<BoothCandidate[]> {
    const cached = this.candidateCache.get(boxId);
    if (!fresh && cached && cached.until > Date.now()) return cached.rows;
    const rows = await queryRows<BoothCandidate>(
      this.dataSource.manager,
      `SELECT id, wins + losses AS comparisons, score_high - score_low AS width FROM ideas
        WHERE box_id = $1 AND status = 'PUBLISHED' AND hidden_at IS NULL ORDER BY id`,
      [boxId],
    );
    this.candidateCache.set(boxId, { rows, until: Date.now() + CANDIDATES_TTL_MS });
    return rows;
  }

  /** Space admin or moderator, or organization admin. */
  async privileged(viewer: Viewer | null, spaceId: string): Promise<boolean> {
    if (!viewer) return false;
    return (
      viewer.user.isAdmin ||
      this.access.hasRole(viewer.user.id, spaceId, [SpaceRole.ADMIN, SpaceRole.MODERATOR])
    );
  }

  toBoxDto(box: VisibleBox): IdeaBoxDto {
    const { row, settings } = box;
    return {
      id: row.id,
      componentId: row.component_id,
      spaceId: row.space_id,
      question: row.question,
      description: row.description,
      published: row.published_at !== null,
      ideasCount: row.ideas_count,
      pendingCount: row.pending_count,
      comparisonsCount: row.comparisons_count,
      participantIdeasEnabled: settings.participantIdeasEnabled,
      ideasModerated: settings.ideasModerated,
      anonymousVotingEnabled: settings.anonymousVotingEnabled,
      viewerCanModerate: box.privileged,
      path: box.path,
      isDemo: row.is_demo,
    };
  }
}
