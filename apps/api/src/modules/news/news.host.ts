import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { checkedId, UUID_PATTERN } from '../../platform/component-resource';
import { conventionalHostParts } from '../../platform/conventional-host-parts';
import {
  type HostedResource,
  type ResourceHost,
  ResourceHostAdapter,
} from '../../platform/resource-host';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { newsManifest } from './news.manifest';
import { NewsService } from './news.service';

/** News posts as a host of comments, follows, reports and history (counters `comments_count`, `follows_count`, `hidden_at`). */
@Injectable()
@ResourceHostAdapter()
export class NewsPostHost implements ResourceHost {
  readonly type = 'NEWS_POST';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly news: NewsService,
  ) {}

  async locate(
    id: string,
    viewer: Viewer | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource> {
    const row = await this.news.visibleRow(checkedId(id), viewer, manager); // NOT_FOUND when the viewer may not see it (scheduled: admins and moderators)
    return (await this.reference(row.id, manager))!;
  }

  async reference(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const [row] = (await manager.query(
      `SELECT id, component_id, title, hidden_at, author_user_id FROM news_posts WHERE id = $1`,
      [id],
    )) as {
      id: string;
      component_id: string;
      title: string;
      hidden_at: Date | null;
      author_user_id: string | null;
    }[];
    const place = row && (await this.spaces.componentPlace(row.component_id, manager));
    if (!row || !place) return null;
    return {
      type: this.type,
      id,
      spaceId: place.spaceId,
      componentId: row.component_id,
      settings: newsManifest.settingsOf(place.settings) as Record<string, unknown>,
      hidden: row.hidden_at !== null,
      title: row.title,
      link: `${place.path}/actualites/${id}`,
      authorId: row.author_user_id,
    };
  }

  private readonly parts = conventionalHostParts({
    table: 'news_posts',
    authorColumn: 'created_by',
    reader: { query: (sql, params) => this.dataSource.query(sql, params) }, // read at call time: the injected DataSource is set after field initialisers
    commentsEnabled: (r) => r.settings.commentsEnabled !== false,
    hideThreshold: (r) => newsManifest.settingsOf(r.settings).hideThreshold,
  });
  readonly comments = this.parts.comments;
  readonly follows = this.parts.follows;
  readonly reports = this.parts.reports;

  readonly history = { logType: 'news_post', withAmendments: false };
}
