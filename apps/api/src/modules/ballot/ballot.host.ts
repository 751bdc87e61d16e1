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
import { votesManifest } from './ballot.manifest';
import { BallotService } from './ballot.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Votations as a host of comments, follows, reports and history (counters `comments_count`, `follows_count`; `hidden_at`). */
@Injectable()
@ResourceHostAdapter()
export class BallotHost implements ResourceHost {
  readonly type = 'BALLOT';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly ballots: BallotService,
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
    const hosted = await this.reference(id, manager);
    if (!hosted) throw DomainError.notFound('Votation', { id }).inEnglish('Ballot not found.');
    await this.spaces.component(hosted.componentId!, viewer); // NOT_FOUND when the viewer may not see the component
    if (hosted.hidden && !(await this.ballots.canModerate(viewer, hosted.spaceId)))
      throw DomainError.notFound('Votation', { id }).inEnglish('Ballot not found.');
    return hosted;
  }

  async reference(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource | null> {
    if (!UUID.test(id)) return null;
    const [row] = (await manager.query(
      `SELECT id, component_id, title, author_id, hidden_at FROM ballots WHERE id = $1`,
      [id],
    )) as {
      id: string;
      component_id: string;
      title: string;
      author_id: string | null;
      hidden_at: Date | null;
    }[];
    const place = row && (await this.spaces.componentPlace(row.component_id, manager));
    if (!row || !place) return null;
    return {
      type: this.type,
      id,
      spaceId: place.spaceId,
      componentId: row.component_id,
      settings: votesManifest.settingsOf(place.settings) as Record<string, unknown>,
      hidden: row.hidden_at !== null,
      title: row.title,
      link: `${place.path}/votations/${id}`,
      authorId: row.author_id,
    };
  }

  private readonly parts = conventionalHostParts({
    table: 'ballots',
    authorColumn: 'author_id',
    reader: { query: (sql, params) => this.dataSource.query(sql, params) }, // read at call time: the injected DataSource is set after field initialisers
    commentsEnabled: (r) => r.settings.commentsEnabled !== false,
    hideThreshold: (r) => votesManifest.settingsOf(r.settings).hideThreshold,
  });
  readonly comments = this.parts.comments;
  readonly follows = this.parts.follows;
  readonly reports = this.parts.reports;

  readonly history = { logType: 'ballot', withAmendments: false };
}
