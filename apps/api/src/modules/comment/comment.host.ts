import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { ResourceHosts } from '../../platform/component-registry';
import {
  type HostedResource,
  type ReportedSummary,
  type ResourceHost,
  ResourceHostAdapter,
} from '../../platform/resource-host';
import { authoredByColumn } from '../../platform/conventional-host-parts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const excerpt = (html: string) => html.replace(/<[^>]*>/g, '').slice(0, 120);

interface Row {
  id: string;
  commentable_type: string;
  commentable_id: string;
  space_id: string;
  author_id: string | null;
  body: string;
  hidden_at: Date | null;
  deleted_at: Date | null;
}

/**
 * Comments as a host themselves: reported and hidden by moderation. A comment is visible where
 * its commentable is (asked to the commentable's own host), and takes its component's
 * `hideThreshold`.
 */
@Injectable()
@ResourceHostAdapter()
export class CommentHost implements ResourceHost {
  readonly type = 'COMMENT';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hosts: ResourceHosts,
  ) {}

  async locate(
    id: string,
    viewer: Viewer | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource> {
    const row = await this.row(id, manager);
    if (!row || row.deleted_at)
      throw DomainError.notFound('Commentaire', { id }).inEnglish('Comment not found.');
    const on = await this.hosts
      .host(row.commentable_type)
      .locate(row.commentable_id, viewer, manager);
    return this.hosted(row, on);
  }

  async reference(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource | null> {
    const row = await this.row(id, manager);
    if (!row) return null;
    const on = await this.hosts.host(row.commentable_type).reference(row.commentable_id, manager);
    return on ? this.hosted(row, on) : null;
  }

  readonly reports = {
    hideThreshold: (r: HostedResource) =>
      typeof r.settings.hideThreshold === 'number' ? r.settings.hideThreshold : 3,
    setHidden: async (manager: EntityManager, id: string, hidden: boolean) => {
      await manager.query(
        `UPDATE comments SET hidden_at = CASE WHEN $2 THEN coalesce(hidden_at, now()) END WHERE id = $1`,
        [id, hidden],
      );
    },
    authoredBy: authoredByColumn('comments', 'author_id'),
    summaries: async (ids: string[]): Promise<Map<string, ReportedSummary>> => {
      const rows: { id: string; body: string; commentable_type: string; commentable_id: string }[] =
        await this.dataSource.query(
          `SELECT id, body, commentable_type, commentable_id FROM comments WHERE id = ANY($1::uuid[])`,
          [ids],
        );
      return new Map(
        rows.map((r) => [
          r.id,
          {
            title: excerpt(r.body),
            proposalId: r.commentable_type === 'PROPOSAL' ? r.commentable_id : null,
            unanswered: false,
          },
        ]),
      );
    },
  };

  private async row(id: string, manager: EntityManager): Promise<Row | undefined> {
    if (!UUID.test(id))
      throw DomainError.badInput('Identifiant invalide.', { field: 'id' }).inEnglish(
        'Invalid identifier.',
      );
    const [row] = await manager.query(
      `SELECT id, commentable_type, commentable_id, space_id, author_id, body, hidden_at, deleted_at FROM comments WHERE id = $1`,
      [id],
    );
    return row;
  }

  private hosted(row: Row, on: HostedResource): HostedResource {
    return {
      type: this.type,
      id: row.id,
      spaceId: row.space_id,
      componentId: on.componentId,
      settings: on.settings,
      hidden: row.hidden_at !== null,
      title: excerpt(row.body),
      link: on.link,
      authorId: row.author_id,
    };
  }
}
