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
import { SpaceAccessService } from './space-access.service';

/** Participatory spaces as a followable host (new proposals and surveys reach the space's followers). */
@Injectable()
@ResourceHostAdapter()
export class SpaceHost implements ResourceHost {
  readonly type = 'SPACE';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: SpaceAccessService,
  ) {}

  async locate(
    id: string,
    viewer: Viewer | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource> {
    const space = await this.reference(checkedId(id), manager);
    const published =
      space &&
      (
        await manager.query(
          `SELECT 1 FROM participatory_spaces WHERE id = $1 AND published_at IS NOT NULL`,
          [id],
        )
      ).length > 0;
    const privileged =
      !!viewer &&
      (viewer.user.isAdmin || (await this.access.rolesBySpace(viewer.user.id, [id])).has(id));
    if (!space || (!published && !privileged))
      throw DomainError.notFound('Espace', { id }).inEnglish('Space not found.');
    return space;
  }

  async reference(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const [row] = await manager.query(
      `SELECT id, slug, title FROM participatory_spaces WHERE id = $1`,
      [id],
    );
    return row
      ? {
          type: this.type,
          id,
          spaceId: id,
          componentId: null,
          settings: {},
          hidden: false,
          title: row.title,
          link: `/espaces/${row.slug}`,
          authorId: null,
        }
      : null;
  }

  readonly follows = {};
}
