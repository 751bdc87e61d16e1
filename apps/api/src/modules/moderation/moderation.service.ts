import { OpenDataService } from '../open-data/open-data.service';
import { ContentVisibility } from './content-visibility';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, pgConstraint } from '../../common/database/unit-of-work';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { ResourceHosts } from '../../platform/component-registry';
import { ActionLogService } from '../action-log/action-log.service';
import {
  ModerationQueueItemDto,
  ModerationStatusDto,
  ReportContentInput,
} from './dtos/moderation.dto';
import type { ReportableType } from './entities/moderation.entity';

/**
 * Reports and hiding (Decidim's moderation), for every host whose adapter has a `reports`
 * part. A report and the increment of `moderations.report_count` happen in one statement pair
 * inside one transaction (upsert `RETURNING`), so concurrent reports are counted exactly; the
 * resource is hidden (through its host) when the count reaches the host's `hideThreshold`
 * (default 3). One open report per user and resource (unique); a moderator may dismiss the open
 * reports and keep the resource.
 */
@Injectable()
export class ModerationService {
  /** One DataLoader per GraphQL request and host type for `viewerReported` (see {@link viewerReported}). */
  private readonly reportedLoaders = new WeakMap<
    object,
    Map<string, DataLoader<string, boolean>>
  >();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actionLog: ActionLogService,
    private readonly hosts: ResourceHosts,
    private readonly openData: OpenDataService,
    private readonly visibility: ContentVisibility,
  ) {}

  /**
   * Reports a resource.
   * @returns the resource's moderation status after this report
   * @throws NOT_FOUND resource unknown, already hidden, or in an unpublished space or component (except for its admins and moderators); CONFLICT the caller already reported it; FORBIDDEN `reason: OWN_CONTENT` one's own contribution
   */
  async report(input: ReportContentInput, viewer: Viewer): Promise<ModerationStatusDto> {
    const host = this.hosts.require(input.resourceType, 'reports', 'resourceType');
    try {
      const status = await inTransaction(this.dataSource, async (manager) => {
        const resource = await host.locate(input.resourceId, viewer, manager);
        if (resource.hidden)
          throw DomainError.notFound('Contenu', { id: input.resourceId }).inEnglish(
            'Content not found.',
          );
        if (resource.authorId === viewer.user.id)
          throw DomainError.forbidden('Vous ne pouvez pas signaler votre propre contribution.', {
            reason: 'OWN_CONTENT',
          }).inEnglish('You cannot report your own contribution.');
        const [moderation] = await manager.query(
          `INSERT INTO moderations (reportable_type, reportable_id, space_id, component_id, report_count) VALUES ($1, $2, $3, $4, 1)
           ON CONFLICT (reportable_type, reportable_id) DO UPDATE SET report_count = moderations.report_count + 1, updated_at = now()
           RETURNING id, report_count, hidden_at`,
          [input.resourceType, input.resourceId, resource.spaceId, resource.componentId],
        );
        await manager.query(
          `INSERT INTO reports (moderation_id, user_id, reason, details) VALUES ($1, $2, $3, $4)`,
          [moderation.id, viewer.user.id, input.reason, input.details ?? ''],
        );
        // hidden by a moderator (or a block) after the check above: under the row's lock now, it is refused
        if (moderation.hidden_at !== null)
          throw DomainError.notFound('Contenu', { id: input.resourceId }).inEnglish(
            'Content not found.',
          );
        let hidden = false;
        if (moderation.report_count >= host.reports.hideThreshold(resource)) {
          await this.visibility.set(manager, host, input.resourceId, true);
          await manager.query(
            `UPDATE moderations SET hidden_at = coalesce(hidden_at, now()) WHERE id = $1`,
            [moderation.id],
          );
          hidden = true;
        }
        await this.actionLog.record(manager, {
          userId: viewer.user.id,
          action: 'report',
          resourceType: input.resourceType.toLowerCase(),
          resourceId: input.resourceId,
          spaceId: resource.spaceId,
          visibility: 'ADMIN_ONLY',
          summary: `Signalement : ${input.reason}${hidden ? ' (masqué)' : ''}`,
        });
        return {
          resourceType: input.resourceType,
          resourceId: input.resourceId,
          reportCount: moderation.report_count,
          hidden,
        };
      });
      if (status.hidden) this.openData.markWithdrawn(); // leaves /open-data.zip within a minute
      return status;
    } catch (error) {
      if (pgConstraint(error) === 'reports_once')
        throw DomainError.conflict('Vous avez déjà signalé ce contenu.').inEnglish(
          'You have already reported this content.',
        );
      throw error;
    }
  }

  /**
   * Hides or shows again a resource, by a moderator of its space (checked by the resolver's policy).
   * @throws NOT_FOUND; CONFLICT (`reason: 'AUTHOR_BLOCKED'`) showing content whose author's account
   *         is blocked (it is shown again when the block is lifted)
   */
  async setVisibility(
    type: ReportableType,
    id: string,
    hidden: boolean,
    viewer: Viewer,
  ): Promise<ModerationStatusDto> {
    const host = this.hosts.require(type, 'reports', 'resourceType');
    const status = await inTransaction(this.dataSource, async (manager) => {
      const resource = await host.reference(id, manager);
      if (!resource) throw DomainError.notFound('Contenu', { id }).inEnglish('Content not found.');
      if (!hidden && (await this.blockInForce(manager, resource.authorId)))
        throw DomainError.conflict(
          'Son auteur est bloqué : ce contenu reste masqué jusqu’au déblocage du compte.',
          { reason: 'AUTHOR_BLOCKED' },
        ).inEnglish(
          'Its author is blocked: this content stays hidden until the account is unblocked.',
        );
      const [moderation] = await manager.query(
        `INSERT INTO moderations (reportable_type, reportable_id, space_id, component_id, hidden_at) VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END)
         ON CONFLICT (reportable_type, reportable_id) DO UPDATE SET hidden_at = CASE WHEN $5 THEN coalesce(moderations.hidden_at, now()) END, user_block_id = NULL, updated_at = now()
         RETURNING report_count`,
        [type, id, resource.spaceId, resource.componentId, hidden],
      );
      await this.visibility.set(manager, host, id, hidden);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: hidden ? 'hide' : 'unhide',
        resourceType: type.toLowerCase(),
        resourceId: id,
        spaceId: resource.spaceId,
        visibility: 'ADMIN_ONLY',
        summary: hidden ? 'Contenu masqué par la modération' : 'Contenu rétabli par la modération',
      });
      return { resourceType: type, resourceId: id, reportCount: moderation.report_count, hidden };
    });
    if (hidden) this.openData.markWithdrawn(); // leaves /open-data.zip within a minute
    return status;
  }

  /**
   * Dismisses a resource's open reports and keeps it (Decidim's « unreport »), by a moderator of
   * its space (checked by the resolver's policy). Under the moderation row's lock: the open
   * reports are marked dismissed by the caller, the count of open reports goes back to zero and
   * a resource hidden by moderation is shown again; the reports stay for the record and the
   * journal says who kept the content.
   * @returns the status after the dismissal (no open report; not hidden, unless its author's
   *          account is blocked: then it stays hidden, marked with the block, whose lifting shows it)
   * @throws NOT_FOUND resource unknown; CONFLICT it has no open report
   */
  async dismissReports(
    type: ReportableType,
    id: string,
    viewer: Viewer,
  ): Promise<ModerationStatusDto> {
    const host = this.hosts.require(type, 'reports', 'resourceType');
    return inTransaction(this.dataSource, async (manager) => {
      const resource = await host.reference(id, manager);
      if (!resource) throw DomainError.notFound('Contenu', { id }).inEnglish('Content not found.');
      const [moderation] = await manager.query(
        `SELECT id, report_count, hidden_at IS NOT NULL AS hidden FROM moderations
          WHERE reportable_type = $1 AND reportable_id = $2 FOR UPDATE`,
        [type, id],
      );
      if (!moderation || moderation.report_count === 0)
        throw DomainError.conflict('Ce contenu n’a aucun signalement en attente.').inEnglish(
          'This content has no pending report.',
        );
      // content of a blocked account stays hidden until the block is lifted, which then shows it
      const block = moderation.hidden ? await this.blockInForce(manager, resource.authorId) : null;
      const [{ dismissed }] = await manager.query(
        `WITH closed AS (
           UPDATE reports SET dismissed_at = now(), dismissed_by_id = $2
            WHERE moderation_id = $1 AND dismissed_at IS NULL RETURNING 1),
         reset AS (
           UPDATE moderations SET report_count = 0, hidden_at = CASE WHEN $3::uuid IS NOT NULL THEN hidden_at END,
                  user_block_id = $3::uuid, updated_at = now() WHERE id = $1)
         SELECT count(*)::int AS dismissed FROM closed`,
        [moderation.id, viewer.user.id, block],
      );
      const shown = moderation.hidden && !block;
      if (shown) await this.visibility.set(manager, host, id, false);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'dismiss_reports',
        resourceType: type.toLowerCase(),
        resourceId: id,
        spaceId: resource.spaceId,
        visibility: 'ADMIN_ONLY',
        summary: `${dismissed} signalement${dismissed > 1 ? 's' : ''} écarté${dismissed > 1 ? 's' : ''} : contenu conservé${shown ? ' et rétabli' : block ? ', masqué tant que son auteur est bloqué' : ''}`,
      });
      return { resourceType: type, resourceId: id, reportCount: 0, hidden: block !== null };
    });
  }

  /**
   * A component's moderation queue: reported resources (most reported first), then what its
   * hosts list as waiting although unreported (proposals without a published answer, oldest first).
   */
  async queue(componentId: string): Promise<ModerationQueueItemDto[]> {
    const reported: {
      t: ReportableType;
      id: string;
      report_count: number;
      hidden: boolean;
      by_block: boolean;
      reasons: string[];
      reports: { reason: string; details: string; reportedAt: string }[] | null;
      since: Date;
    }[] = await this.dataSource.query(
      `SELECT m.reportable_type AS t, m.reportable_id AS id, m.report_count, m.hidden_at IS NOT NULL AS hidden,
              coalesce((SELECT min(r.created_at) FROM reports r WHERE r.moderation_id = m.id AND r.dismissed_at IS NULL), m.hidden_at, m.created_at) AS since,
              m.user_block_id IS NOT NULL AS by_block,
              (SELECT array_agg(DISTINCT r.reason) FROM reports r WHERE r.moderation_id = m.id AND r.dismissed_at IS NULL) AS reasons,
              (SELECT json_agg(json_build_object('reason', r.reason, 'details', r.details, 'reportedAt', r.created_at) ORDER BY r.created_at, r.id)
                 FROM reports r WHERE r.moderation_id = m.id AND r.dismissed_at IS NULL) AS reports
         FROM moderations m
        WHERE m.component_id = $1 AND (m.report_count > 0 OR m.hidden_at IS NOT NULL)
        ORDER BY m.report_count DESC, m.created_at, m.reportable_id`,
      [componentId],
    );
    const summaries = new Map<
      string,
      Awaited<ReturnType<ReturnType<ResourceHosts['taking']>[number]['reports']['summaries']>>
    >();
    for (const host of this.hosts.taking('reports')) {
      const ids = reported.filter((r) => r.t === host.type).map((r) => r.id);
      if (ids.length) summaries.set(host.type, await host.reports.summaries(ids));
    }
    const links = new Map<string, string | null>();
    for (const r of reported)
      links.set(`${r.t}:${r.id}`, (await this.hosts.find(r.t)?.reference(r.id))?.link ?? null);
    const items: ModerationQueueItemDto[] = reported.flatMap((r) => {
      const summary = summaries.get(r.t)?.get(r.id);
      if (!summary) return [];
      return [
        {
          resourceType: r.t,
          resourceId: r.id,
          title: summary.title,
          proposalId: summary.proposalId,
          reportCount: r.report_count,
          reasons: (r.reasons ?? []) as ModerationQueueItemDto['reasons'],
          reports: (r.reports ?? []).map((report) => ({
            reason: report.reason as ModerationQueueItemDto['reasons'][number],
            details: report.details,
            reportedAt: new Date(report.reportedAt),
          })),
          hidden: r.hidden,
          hiddenByBlock: r.by_block,
          link: links.get(`${r.t}:${r.id}`) ?? null,
          unanswered: summary.unanswered,
          since: r.since,
        },
      ];
    });
    const listed = new Set(items.map((i) => `${i.resourceType}:${i.resourceId}`));
    for (const host of this.hosts.taking('reports')) {
      for (const p of (await host.reports.pending?.(componentId)) ?? []) {
        if (listed.has(`${host.type}:${p.id}`)) continue;
        items.push({
          resourceType: host.type as ReportableType,
          resourceId: p.id,
          title: p.title,
          proposalId: p.proposalId,
          reportCount: 0,
          reasons: [],
          reports: [],
          hidden: p.hidden,
          hiddenByBlock: false,
          link: null,
          unanswered: true,
          since: p.since,
        });
      }
    }
    return items;
  }

  /** The block in force on `authorId`'s account (`user_blocks`, this module's table), or null. */
  private async blockInForce(
    manager: EntityManager,
    authorId: string | null,
  ): Promise<string | null> {
    if (!authorId) return null;
    const [row]: { id: string }[] = await manager.query(
      `SELECT id FROM user_blocks WHERE user_id = $1 AND lifted_at IS NULL`,
      [authorId],
    );
    return row?.id ?? null;
  }

  /** Which of `ids` a user reported and the report is still open (the `viewerReported` flags of hosts' lists). */
  async reportedAmong(userId: string, type: ReportableType, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { reportable_id: string }[] = await this.dataSource.query(
      `SELECT m.reportable_id FROM reports r JOIN moderations m ON m.id = r.moderation_id WHERE r.user_id = $1 AND r.dismissed_at IS NULL AND m.reportable_type = $2 AND m.reportable_id = ANY($3::uuid[])`,
      [userId, type, ids],
    );
    return new Set(rows.map((r) => r.reportable_id));
  }

  /**
   * Whether the viewer has an open (not dismissed) report on one resource: the `viewerReported`
   * field of hosts whose lists do not compute it themselves. Batched per GraphQL request and
   * host type, so a page of N items costs one query; false without a viewer (no query).
   * @param requestKey the GraphQL context's request; @param viewer the caller or null
   * @param type host type (MEETING, PETITION…); @param id the resource's id
   */
  viewerReported(
    requestKey: object,
    viewer: Viewer | null,
    type: ReportableType,
    id: string,
  ): Promise<boolean> {
    if (!viewer) return Promise.resolve(false);
    let perRequest = this.reportedLoaders.get(requestKey);
    if (!perRequest) this.reportedLoaders.set(requestKey, (perRequest = new Map()));
    let loader = perRequest.get(type);
    if (!loader) {
      const userId = viewer.user.id;
      perRequest.set(
        type,
        // batching only, no cache: a report or a dismissal earlier in the same document (a
        // mutation field before this one) must show in the fields resolved after it
        (loader = new DataLoader(
          async (ids) => {
            const reported = await this.reportedAmong(userId, type, [...ids]);
            return ids.map((rid) => reported.has(rid));
          },
          { cache: false },
        )),
      );
    }
    return loader.load(id);
  }
}
