import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, pgConstraint } from '../../common/database/unit-of-work';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { ActionLogService } from '../action-log/action-log.service';
import { proposalSettingsOf } from '../proposal/proposal-settings';
import { ModerationQueueItemDto, ModerationStatusDto, ReportContentInput } from './dtos/moderation.dto';
import type { ReportableType } from './entities/moderation.entity';
import { visibleToUserSql } from '../participatory-space/space-access.service';

/** Where each reportable lives: its table, its space and its component's settings ($1 the resource; $2 the reporter, who must be able to see it). */
const REPORTABLES: Record<ReportableType, { table: string; locate: string }> = {
  PROPOSAL: {
    table: 'proposals',
    locate: `SELECT c.space_id, c.settings FROM proposals x JOIN components c ON c.id = x.component_id WHERE x.id = $1 AND x.hidden_at IS NULL AND ${visibleToUserSql('c.space_id', '$2', 'c.id')}`,
  },
  COMMENT: {
    table: 'comments',
    locate: `SELECT x.space_id, coalesce(c.settings, '{}'::jsonb) AS settings FROM comments x
               LEFT JOIN proposals p ON x.commentable_type = 'PROPOSAL' AND p.id = x.commentable_id
               LEFT JOIN components c ON c.id = p.component_id
              WHERE x.id = $1 AND x.hidden_at IS NULL AND x.deleted_at IS NULL AND ${visibleToUserSql('x.space_id', '$2', 'c.id')}`,
  },
};

/**
 * Reports and hiding (Decidim's moderation). A report and the increment of the resource's
 * `report_count` happen in one statement pair inside one transaction (upsert `RETURNING`),
 * so concurrent reports are counted exactly; the resource is hidden when the count reaches
 * the component's `hideThreshold` (default 3). One report per user and resource (unique).
 */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actionLog: ActionLogService,
  ) {}

  /**
   * Reports a proposal or a comment.
   * @returns the resource's moderation status after this report
   * @throws NOT_FOUND resource unknown, already hidden, or in an unpublished space or component (except for its admins and moderators); CONFLICT the caller already reported it
   */
  async report(input: ReportContentInput, viewer: Viewer): Promise<ModerationStatusDto> {
    const spec = REPORTABLES[input.resourceType];
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const located = await manager.query(spec.locate, [input.resourceId, viewer.user.id]);
        if (!located.length) throw DomainError.notFound('Contenu', { id: input.resourceId });
        const { space_id: spaceId, settings } = located[0];
        const [moderation] = await manager.query(
          `INSERT INTO moderations (reportable_type, reportable_id, space_id, report_count) VALUES ($1, $2, $3, 1)
           ON CONFLICT (reportable_type, reportable_id) DO UPDATE SET report_count = moderations.report_count + 1, updated_at = now()
           RETURNING id, report_count, hidden_at`,
          [input.resourceType, input.resourceId, spaceId],
        );
        await manager.query(`INSERT INTO reports (moderation_id, user_id, reason, details) VALUES ($1, $2, $3, $4)`, [
          moderation.id,
          viewer.user.id,
          input.reason,
          input.details ?? '',
        ]);
        let hidden = moderation.hidden_at !== null;
        if (!hidden && moderation.report_count >= proposalSettingsOf(settings).hideThreshold) {
          await this.setHidden(manager, input.resourceType, input.resourceId, true);
          hidden = true;
        }
        await this.actionLog.record(manager, {
          userId: viewer.user.id, action: 'report', resourceType: input.resourceType.toLowerCase(), resourceId: input.resourceId, spaceId,
          visibility: 'ADMIN_ONLY', summary: `Signalement : ${input.reason}${hidden ? ' (masqué)' : ''}`,
        });
        return { resourceType: input.resourceType, resourceId: input.resourceId, reportCount: moderation.report_count, hidden };
      });
    } catch (error) {
      if (pgConstraint(error) === 'reports_once') throw DomainError.conflict('Vous avez déjà signalé ce contenu.');
      throw error;
    }
  }

  /**
   * Hides or shows again a resource, by a moderator of its space (checked by the resolver's policy).
   * @throws NOT_FOUND
   */
  async setVisibility(type: ReportableType, id: string, hidden: boolean, viewer: Viewer): Promise<ModerationStatusDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const spaceId = await this.spaceOf(manager, type, id);
      const [moderation] = await manager.query(
        `INSERT INTO moderations (reportable_type, reportable_id, space_id, hidden_at) VALUES ($1, $2, $3, CASE WHEN $4 THEN now() END)
         ON CONFLICT (reportable_type, reportable_id) DO UPDATE SET hidden_at = CASE WHEN $4 THEN coalesce(moderations.hidden_at, now()) END, updated_at = now()
         RETURNING report_count`,
        [type, id, spaceId, hidden],
      );
      await this.setHidden(manager, type, id, hidden);
      await this.actionLog.record(manager, {
        userId: viewer.user.id, action: hidden ? 'hide' : 'unhide', resourceType: type.toLowerCase(), resourceId: id, spaceId, visibility: 'ADMIN_ONLY',
        summary: hidden ? 'Contenu masqué par la modération' : 'Contenu rétabli par la modération',
      });
      return { resourceType: type, resourceId: id, reportCount: moderation.report_count, hidden };
    });
  }

  /**
   * A component's moderation queue: reported proposals and comments (most reported first),
   * then proposals without a published answer (oldest first).
   */
  async queue(componentId: string): Promise<ModerationQueueItemDto[]> {
    const reported: { t: ReportableType; id: string; title: string; proposal_id: string | null; report_count: number; hidden: boolean; reasons: string[]; since: Date; unanswered: boolean }[] =
      await this.dataSource.query(
        `SELECT m.reportable_type AS t, m.reportable_id AS id, m.report_count, m.hidden_at IS NOT NULL AS hidden, m.created_at AS since,
                coalesce(p.title, left(regexp_replace(cm.body, '<[^>]*>', '', 'g'), 120)) AS title,
                coalesce(p.id, cp.id) AS proposal_id,
                (p.id IS NOT NULL AND p.state_published_at IS NULL AND p.withdrawn_at IS NULL) AS unanswered,
                (SELECT array_agg(DISTINCT r.reason) FROM reports r WHERE r.moderation_id = m.id) AS reasons
           FROM moderations m
           LEFT JOIN proposals p ON m.reportable_type = 'PROPOSAL' AND p.id = m.reportable_id
           LEFT JOIN comments cm ON m.reportable_type = 'COMMENT' AND cm.id = m.reportable_id
           LEFT JOIN proposals cp ON cm.commentable_type = 'PROPOSAL' AND cp.id = cm.commentable_id
          WHERE coalesce(p.component_id, cp.component_id) = $1 AND (m.report_count > 0 OR m.hidden_at IS NOT NULL)
          ORDER BY m.report_count DESC, m.created_at, m.reportable_id`,
        [componentId],
      );
    const unanswered: { id: string; title: string; published_at: Date; hidden: boolean }[] = await this.dataSource.query(
      `SELECT p.id, p.title, p.published_at, p.hidden_at IS NOT NULL AS hidden FROM proposals p
        WHERE p.component_id = $1 AND p.state_published_at IS NULL AND p.withdrawn_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM moderations m WHERE m.reportable_type = 'PROPOSAL' AND m.reportable_id = p.id AND (m.report_count > 0 OR m.hidden_at IS NOT NULL))
        ORDER BY p.published_at, p.id`,
      [componentId],
    );
    return [
      ...reported.map((r) => ({
        resourceType: r.t, resourceId: r.id, title: r.title ?? '', proposalId: r.proposal_id, reportCount: r.report_count,
        reasons: (r.reasons ?? []) as ModerationQueueItemDto['reasons'], hidden: r.hidden, unanswered: r.unanswered, since: r.since,
      })),
      ...unanswered.map((p) => ({
        resourceType: 'PROPOSAL' as const, resourceId: p.id, title: p.title, proposalId: p.id, reportCount: 0, reasons: [], hidden: p.hidden, unanswered: true, since: p.published_at,
      })),
    ];
  }

  private async spaceOf(manager: EntityManager, type: ReportableType, id: string): Promise<string> {
    const sql =
      type === 'PROPOSAL'
        ? `SELECT c.space_id FROM proposals x JOIN components c ON c.id = x.component_id WHERE x.id = $1`
        : `SELECT space_id FROM comments WHERE id = $1`;
    const rows = await manager.query(sql, [id]);
    if (!rows.length) throw DomainError.notFound('Contenu', { id });
    return rows[0].space_id;
  }

  private async setHidden(manager: EntityManager, type: ReportableType, id: string, hidden: boolean) {
    await manager.query(`UPDATE ${REPORTABLES[type].table} SET hidden_at = CASE WHEN $2 THEN coalesce(hidden_at, now()) END WHERE id = $1`, [id, hidden]);
    if (hidden) await manager.query(`UPDATE moderations SET hidden_at = coalesce(hidden_at, now()) WHERE reportable_type = $1 AND reportable_id = $2`, [type, id]);
  }
}
