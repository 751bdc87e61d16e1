import { conventionalHostParts } from '../../platform/conventional-host-parts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import {
  type HostedResource,
  type ResourceHost,
  ResourceHostAdapter,
} from '../../platform/resource-host';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { petitionsManifest } from './petition.manifest';
import { PetitionService } from './petition.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Row {
  id: string;
  component_id: string;
  title: string;
  author_id: string | null;
  hidden_at: Date | null;
}

/** Petitions as a host of comments, follows, reports and history (counters `comments_count`, `follows_count`; `hidden_at`). */
@Injectable()
@ResourceHostAdapter()
export class PetitionHost implements ResourceHost {
  readonly type = 'PETITION';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly petitions: PetitionService,
  ) {}

  async locate(
    id: string,
    viewer: Viewer | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource> {
    if (!UUID.test(id))
      throw DomainError.badInput('Identifiant invalide.', { field: 'id' }).inEnglish(
        'Invalid identifier.',
      );
    const row = await this.row(id, manager);
    if (!row) throw DomainError.notFound('Pétition', { id }).inEnglish('Petition not found.');
    await this.spaces.component(row.component_id, viewer); // NOT_FOUND when the viewer may not see it
    const hosted = await this.reference(id, manager);
    if (!hosted) throw DomainError.notFound('Pétition', { id }).inEnglish('Petition not found.');
    if (!hosted.hidden) await this.petitions.petition(id, viewer); // unpublished petitions: only their author, committee and admins
    return hosted;
  }

  async reference(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource | null> {
    const row = UUID.test(id) ? await this.row(id, manager) : undefined;
    const place = row && (await this.spaces.componentPlace(row.component_id, manager));
    if (!row || !place) return null;
    return {
      type: this.type,
      id,
      spaceId: place.spaceId,
      componentId: row.component_id,
      settings: place.settings,
      hidden: row.hidden_at !== null,
      title: row.title,
      link: `${place.path}/petitions/${id}`,
      authorId: row.author_id,
    };
  }

  private readonly parts = conventionalHostParts({
    table: 'petitions',
    authorColumn: 'author_id',
    reader: { query: (sql, params) => this.dataSource.query(sql, params) }, // read at call time: the injected DataSource is set after field initialisers
    commentsEnabled: (r) => petitionsManifest.settingsOf(r.settings).commentsEnabled !== false,
    hideThreshold: (r) => petitionsManifest.settingsOf(r.settings).hideThreshold,
  });
  readonly comments = this.parts.comments;
  readonly follows = this.parts.follows;
  readonly reports = this.parts.reports;

  readonly history = { logType: 'petition', withAmendments: false };

  private async row(id: string, manager: EntityManager): Promise<Row | undefined> {
    return (
      await manager.query(
        `SELECT id, component_id, title, author_id, hidden_at FROM petitions WHERE id = $1`,
        [id],
      )
    )[0];
  }
}
