import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { checkedId, UUID_PATTERN } from '../../platform/component-resource';
import {
  type HostedResource,
  type ResourceHost,
  ResourceHostAdapter,
} from '../../platform/resource-host';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';

interface Row {
  id: string;
  component_id: string;
  title: string;
  author_id: string | null;
}

/** Motions as a host: followed (notified when they open, close soon and close) and with a public history. */
@Injectable()
@ResourceHostAdapter()
export class MotionHost implements ResourceHost {
  readonly type = 'MOTION';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
  ) {}

  async locate(
    id: string,
    viewer: Viewer | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource> {
    const row = await this.row(checkedId(id), manager);
    if (!row) throw DomainError.notFound('Motion', { id }).inEnglish('Motion not found.');
    await this.spaces.component(row.component_id, viewer); // NOT_FOUND when the viewer may not see it
    return (await this.reference(id, manager))!;
  }

  async reference(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource | null> {
    const row = UUID_PATTERN.test(id) ? await this.row(id, manager) : undefined;
    const place = row && (await this.spaces.componentPlace(row.component_id, manager));
    if (!row || !place) return null;
    return {
      type: this.type,
      id,
      spaceId: place.spaceId,
      componentId: row.component_id,
      settings: place.settings,
      hidden: false,
      title: row.title,
      link: place.path,
      authorId: row.author_id,
    };
  }

  readonly follows = {};
  readonly history = { logType: 'motion', withAmendments: false };

  private async row(id: string, manager: EntityManager): Promise<Row | undefined> {
    return (
      await manager.query(`SELECT id, component_id, title, author_id FROM motions WHERE id = $1`, [
        id,
      ])
    )[0];
  }
}
