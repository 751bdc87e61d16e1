import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import {
  type HostedResource,
  type ReportedSummary,
  type ResourceHost,
  ResourceHostAdapter,
} from '../../platform/resource-host';
import { authoredByColumn } from '../../platform/conventional-host-parts';
import { proposalSettingsOf } from './proposal.manifest';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Proposals as a host of comments, follows, reports and history (counters `comments_count`, `follows_count`). */
@Injectable()
@ResourceHostAdapter()
export class ProposalHost implements ResourceHost {
  readonly type = 'PROPOSAL';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
  ) {}

  async locate(
    id: string,
    viewer: Viewer | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource> {
    const row = await this.row(id, manager);
    const component = await this.spaces.component(row.component_id, viewer);
    const place = (await this.spaces.componentPlace(row.component_id, manager))!;
    return this.hosted(
      row,
      component.spaceId,
      proposalSettingsOf(component.settings),
      `${place.path}/propositions/${id}`,
    );
  }

  async reference(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource | null> {
    if (!UUID.test(id)) return null;
    const [row] = await manager.query(
      `SELECT id, component_id, title, author_id, hidden_at FROM proposals WHERE id = $1`,
      [id],
    );
    if (!row) return null;
    const place = (await this.spaces.componentPlace(row.component_id, manager))!;
    return this.hosted(
      row,
      place.spaceId,
      proposalSettingsOf(place.settings),
      `${place.path}/propositions/${id}`,
    );
  }

  readonly comments = {
    enabled: (r: HostedResource) => r.settings.commentsEnabled !== false,
    moveCount: async (manager: EntityManager, id: string, delta: number) => {
      await manager.query(
        `UPDATE proposals SET comments_count = comments_count + $2 WHERE id = $1`,
        [id, delta],
      );
    },
    publicIds: async (manager: EntityManager, ids: string[]) => {
      const rows: { id: string }[] = await manager.query(
        `SELECT p.id FROM proposals p JOIN components c ON c.id = p.component_id JOIN participatory_spaces s ON s.id = c.space_id
          WHERE p.id = ANY($1::uuid[]) AND p.hidden_at IS NULL AND s.published_at IS NOT NULL AND c.published_at IS NOT NULL`,
        [ids],
      );
      return new Set(rows.map((r) => r.id));
    },
  };

  readonly follows = {
    moveCount: async (manager: EntityManager, id: string, delta: number) => {
      await manager.query(`UPDATE proposals SET follows_count = follows_count + $2 WHERE id = $1`, [
        id,
        delta,
      ]);
    },
  };

  readonly reports = {
    hideThreshold: (r: HostedResource) => proposalSettingsOf(r.settings).hideThreshold,
    setHidden: async (manager: EntityManager, id: string, hidden: boolean) => {
      await manager.query(
        `UPDATE proposals SET hidden_at = CASE WHEN $2 THEN coalesce(hidden_at, now()) END WHERE id = $1`,
        [id, hidden],
      );
    },
    authoredBy: authoredByColumn('proposals', 'author_id'),
    summaries: async (ids: string[]): Promise<Map<string, ReportedSummary>> => {
      const rows: { id: string; title: string; unanswered: boolean }[] =
        await this.dataSource.query(
          `SELECT id, title, (state_published_at IS NULL AND withdrawn_at IS NULL AND hidden_at IS NULL) AS unanswered FROM proposals WHERE id = ANY($1::uuid[])`,
          [ids],
        );
      return new Map(
        rows.map((r) => [r.id, { title: r.title, proposalId: r.id, unanswered: r.unanswered }]),
      );
    },
    pending: async (componentId: string) => {
      const rows: { id: string; title: string; published_at: Date }[] = await this.dataSource.query(
        `SELECT id, title, published_at FROM proposals
          WHERE component_id = $1 AND state_published_at IS NULL AND withdrawn_at IS NULL AND hidden_at IS NULL ORDER BY published_at, id`,
        [componentId],
      );
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        since: r.published_at,
        hidden: false, // hidden ones wait for no answer (left out above)
        proposalId: r.id,
      }));
    },
  };

  readonly history = { logType: 'proposal', withAmendments: true };

  private async row(id: string, manager: EntityManager) {
    if (!UUID.test(id))
      throw DomainError.badInput('Identifiant invalide.', { field: 'id' }).inEnglish(
        'Invalid identifier.',
      );
    const [row] = await manager.query(
      `SELECT id, component_id, title, author_id, hidden_at FROM proposals WHERE id = $1`,
      [id],
    );
    if (!row) throw DomainError.notFound('Proposition', { id }).inEnglish('Proposal not found.');
    return row as {
      id: string;
      component_id: string;
      title: string;
      author_id: string | null;
      hidden_at: Date | null;
    };
  }

  private hosted(
    row: {
      id: string;
      component_id: string;
      title: string;
      author_id: string | null;
      hidden_at: Date | null;
    },
    spaceId: string,
    settings: object,
    link: string,
  ): HostedResource {
    return {
      type: this.type,
      id: row.id,
      spaceId,
      componentId: row.component_id,
      settings: settings as Record<string, unknown>,
      hidden: row.hidden_at !== null,
      title: row.title,
      link,
      authorId: row.author_id,
    };
  }
}
