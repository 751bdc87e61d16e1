import { SpaceRole } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { ResourceHosts } from '../../platform/component-registry';
import { checkedId, UUID_PATTERN } from '../../platform/component-resource';
import {
  type HistoryContributor,
  HistoryContributorAdapter,
  type HostedResource,
  type ReportedSummary,
  type ReportsAdapter,
  type ResourceHost,
  ResourceHostAdapter,
} from '../../platform/resource-host';
import { conventionalHostParts } from '../../platform/conventional-host-parts';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { SpaceAccessService } from '../participatory-space/space-access.service';
import { participatoryTextManifest } from './participatory-text.manifest';

/** Articles of a published participatory text: commented (a comment keeps the article's version), followed, amended, with a history. */
@Injectable()
@ResourceHostAdapter()
export class ArticleHost implements ResourceHost {
  readonly type = 'ARTICLE';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
  ) {}

  async locate(
    id: string,
    viewer: Viewer | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource> {
    const [row] = await manager.query(
      `SELECT a.id, a.component_id, a.number, t.published_at FROM text_articles a JOIN participatory_texts t ON t.component_id = a.component_id WHERE a.id = $1`,
      [checkedId(id)],
    );
    if (!row || !row.published_at)
      throw DomainError.notFound('Article', { id }).inEnglish('Article not found.');
    await this.spaces.component(row.component_id, viewer); // NOT_FOUND when the viewer may not see it
    return (await this.reference(id, manager))!;
  }

  async reference(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const [row] = await manager.query(
      `SELECT id, component_id, number FROM text_articles WHERE id = $1`,
      [id],
    );
    const place = row && (await this.spaces.componentPlace(row.component_id, manager));
    if (!place) return null;
    return {
      type: this.type,
      id,
      spaceId: place.spaceId,
      componentId: row.component_id,
      settings: participatoryTextManifest.settingsOf(place.settings),
      hidden: false,
      title: `Article ${row.number}`,
      link: `${place.path}#article-${row.number}`,
      authorId: null,
    };
  }

  readonly comments = {
    enabled: (r: HostedResource) => r.settings.commentsEnabled !== false,
    moveCount: async (manager: EntityManager, id: string, delta: number) => {
      await manager.query(
        `UPDATE text_articles SET comments_count = comments_count + $2 WHERE id = $1`,
        [id, delta],
      );
    },
    versionOf: async (manager: EntityManager, id: string) =>
      ((await manager.query(`SELECT version FROM text_articles WHERE id = $1`, [id]))[0]?.version ??
        null) as number | null,
  };

  readonly follows = {};
  readonly history = { logType: 'article', withAmendments: true };
}

/**
 * Amendments (of proposals and articles) as a host: commented, followed, reported and hidden
 * (`amendments.hidden_at`), with a history. With `amendmentsVisibility: ONLY_OWN` an amendment
 * exists only for its author and the space's moderators. It takes its component's
 * `hideThreshold` (the proposals component for a proposal's amendment, the text's otherwise).
 */
@Injectable()
@ResourceHostAdapter()
export class AmendmentHost implements ResourceHost {
  readonly type = 'AMENDMENT';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly access: SpaceAccessService,
    private readonly hosts: ResourceHosts,
  ) {}

  async locate(
    id: string,
    viewer: Viewer | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource> {
    const [row] = await manager.query(
      `SELECT component_id, author_id FROM amendments WHERE id = $1`,
      [checkedId(id)],
    );
    if (!row) throw DomainError.notFound('Amendement', { id }).inEnglish('Amendment not found.');
    const component = await this.spaces.component(row.component_id, viewer);
    if (
      component.settings.amendmentsVisibility === 'ONLY_OWN' &&
      row.author_id !== viewer?.user.id
    ) {
      const moderator =
        !!viewer &&
        (viewer.user.isAdmin ||
          (await this.access.hasRole(viewer.user.id, component.spaceId, [
            SpaceRole.ADMIN,
            SpaceRole.MODERATOR,
          ])));
      if (!moderator)
        throw DomainError.notFound('Amendement', { id }).inEnglish('Amendment not found.');
    }
    return (await this.reference(id, manager))!;
  }

  async reference(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const [row] = await manager.query(
      `SELECT id, component_id, author_id, title, amendable_type, amendable_id, hidden_at FROM amendments WHERE id = $1`,
      [id],
    );
    const place = row && (await this.spaces.componentPlace(row.component_id, manager));
    if (!place) return null;
    const amendable = await this.hosts
      .host(row.amendable_type)
      .reference(row.amendable_id, manager);
    return {
      type: this.type,
      id,
      spaceId: place.spaceId,
      componentId: row.component_id,
      settings: place.settings,
      // hidden itself, or with what it amends (a hidden proposal hides its amendments and their comments)
      hidden: row.hidden_at !== null || !!amendable?.hidden,
      title: row.title,
      link: amendable?.link ?? place.path,
      authorId: row.author_id,
    };
  }

  // the platform's conventional parts on `amendments` (comments_count, hidden_at, author_id); no
  // follows counter, and queue lines that point at the amended proposal
  private readonly parts = conventionalHostParts({
    table: 'amendments',
    authorColumn: 'author_id',
    reader: { query: (sql, params) => this.dataSource.query(sql, params) }, // read at call time
    commentsEnabled: (r) => r.settings.commentsEnabled !== false,
    hideThreshold: (r) =>
      typeof r.settings.hideThreshold === 'number' ? r.settings.hideThreshold : 3,
  });
  readonly comments = this.parts.comments;
  readonly follows = {};
  readonly history = { logType: 'amendment', withAmendments: false };

  readonly reports: ReportsAdapter = {
    ...this.parts.reports,
    summaries: async (ids) => {
      const rows: { id: string; title: string; amendable_type: string; amendable_id: string }[] =
        await this.dataSource.query(
          `SELECT id, title, amendable_type, amendable_id FROM amendments WHERE id = ANY($1::uuid[])`,
          [ids],
        );
      return new Map<string, ReportedSummary>(
        rows.map((r) => [
          r.id,
          {
            title: r.title.slice(0, 200),
            proposalId: r.amendable_type === 'PROPOSAL' ? r.amendable_id : null,
            unanswered: false,
          },
        ]),
      );
    },
  };
}

/**
 * The amendment capability's part of histories: the lines of each amendment join the history
 * of what it amends, unless its component shows each participant only their own amendments or
 * the amendment is hidden by moderation (its title would show in the public history).
 */
@Injectable()
@HistoryContributorAdapter()
export class AmendmentHistoryContributor implements HistoryContributor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
  ) {}

  async related(
    hostType: string,
    ids: string[],
  ): Promise<Map<string, { type: string; id: string }[]>> {
    const result = new Map<string, { type: string; id: string }[]>();
    if (hostType !== 'PROPOSAL' && hostType !== 'ARTICLE') return result;
    const rows: { id: string; amendable_id: string; component_id: string }[] =
      await this.dataSource.query(
        `SELECT id, amendable_id, component_id FROM amendments WHERE amendable_type = $1 AND amendable_id = ANY($2::uuid[]) AND hidden_at IS NULL`,
        [hostType, ids],
      );
    const onlyOwn = new Map<string, boolean>();
    for (const componentId of new Set(rows.map((r) => r.component_id))) {
      const place = await this.spaces.componentPlace(componentId);
      onlyOwn.set(componentId, place?.settings.amendmentsVisibility === 'ONLY_OWN');
    }
    for (const row of rows) {
      if (onlyOwn.get(row.component_id)) continue;
      result.set(row.amendable_id, [
        ...(result.get(row.amendable_id) ?? []),
        { type: 'amendment', id: row.id },
      ]);
    }
    return result;
  }
}
