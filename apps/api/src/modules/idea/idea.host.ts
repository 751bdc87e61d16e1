import { conventionalHostParts } from '../../platform/conventional-host-parts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { checkedId, UUID_PATTERN } from '../../platform/component-resource';
import {
  type HostedResource,
  type ResourceHost,
  ResourceHostAdapter,
} from '../../platform/resource-host';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { ideasManifest } from './idea.manifest';
import { IdeaService } from './idea.service';

/** Ideas as a host of comments, follows, reports and history (counters `comments_count`, `follows_count`, `hidden_at`). */
@Injectable()
@ResourceHostAdapter()
export class IdeaHost implements ResourceHost {
  readonly type = 'IDEA';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly ideas: IdeaService,
  ) {}

  async locate(
    id: string,
    viewer: Viewer | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource> {
    const row = await this.ideas.visibleIdea(checkedId(id), viewer, manager); // NOT_FOUND when the viewer may not see it
    return (await this.reference(row.id, manager))!;
  }

  async reference(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const [row] = await manager.query(
      `SELECT i.id, i.body, i.hidden_at, i.author_id, i.box_id, b.component_id FROM ideas i JOIN idea_boxes b ON b.id = i.box_id WHERE i.id = $1`,
      [id],
    );
    const place = row && (await this.spaces.componentPlace(row.component_id, manager));
    if (!row || !place) return null;
    return {
      type: this.type,
      id,
      spaceId: place.spaceId,
      componentId: row.component_id,
      settings: ideasManifest.settingsOf(place.settings) as Record<string, unknown>,
      hidden: row.hidden_at !== null,
      title: String(row.body).slice(0, 200),
      link: `${place.path}/idees/${row.box_id}/resultats#idee-${id}`,
      authorId: row.author_id,
    };
  }

  private readonly parts = conventionalHostParts({
    table: 'ideas',
    authorColumn: 'author_id',
    titleColumn: 'body',
    reader: { query: (sql, params) => this.dataSource.query(sql, params) }, // read at call time: the injected DataSource is set after field initialisers
    commentsEnabled: (r) => r.settings.commentsEnabled !== false,
    hideThreshold: (r) => ideasManifest.settingsOf(r.settings).hideThreshold,
  });
  readonly comments = this.parts.comments;
  readonly follows = this.parts.follows;
  readonly reports = this.parts.reports;

  readonly history = { logType: 'idea', withAmendments: false };
}
