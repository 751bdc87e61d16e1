import { authoredByColumn, conventionalHostParts } from '../../platform/conventional-host-parts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import {
  type HostedResource,
  type ReportedSummary,
  type ResourceHost,
  ResourceHostAdapter,
} from '../../platform/resource-host';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { DebateAnalysisService } from './debate-analysis.service';
import { debateManifest } from './debate.manifest';
import { DebateService } from './debate.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Debates as a host of comments, follows, reports and history (counters `comments_count`, `follows_count`; `hidden_at`). */
@Injectable()
@ResourceHostAdapter()
export class DebateHost implements ResourceHost {
  readonly type = 'DEBATE';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly debates: DebateService,
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
    if (!hosted) throw DomainError.notFound('Débat', { id }).inEnglish('Debate not found.');
    await this.spaces.component(hosted.componentId!, viewer); // NOT_FOUND when the viewer may not see it
    if (!hosted.hidden) await this.debates.debate(id, viewer);
    return hosted;
  }

  async reference(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource | null> {
    if (!UUID.test(id)) return null;
    const [row]: {
      component_id: string;
      title: string;
      created_by: string | null;
      hidden_at: Date | null;
    }[] = await manager.query(
      `SELECT component_id, title, created_by, hidden_at FROM debates WHERE id = $1`,
      [id],
    );
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
      link: `${place.path}/debats/${id}`,
      authorId: row.created_by,
    };
  }

  private readonly parts = conventionalHostParts({
    table: 'debates',
    reader: { query: (sql, params) => this.dataSource.query(sql, params) }, // read at call time: the injected DataSource is set after field initialisers
    commentsEnabled: (r) => debateManifest.settingsOf(r.settings).commentsEnabled !== false,
    hideThreshold: (r) => debateManifest.settingsOf(r.settings).hideThreshold,
  });
  readonly comments = this.parts.comments;
  readonly follows = this.parts.follows;
  readonly reports = this.parts.reports;

  readonly history = { logType: 'debate', withAmendments: false };
}

/**
 * Debate statements as a host of reports (hidden at the threshold, then left out of the votes
 * and of the next analysis) and history. The statement's author is `authorId` for the platform
 * (personal data, deletion) but is never shown.
 */
@Injectable()
@ResourceHostAdapter()
export class DebateStatementHost implements ResourceHost {
  readonly type = 'DEBATE_STATEMENT';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly debates: DebateService,
    private readonly analyses: DebateAnalysisService,
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
    if (!hosted)
      throw DomainError.notFound('Affirmation', { id }).inEnglish('Statement not found.');
    const [row]: { debate_id: string; state: string; author_id: string | null }[] =
      await manager.query(
        `SELECT debate_id, state, author_id FROM debate_statements WHERE id = $1`,
        [id],
      );
    await this.debates.debate(row.debate_id, viewer); // NOT_FOUND when the viewer may not see the debate
    if (row.state !== 'PUBLISHED' && row.author_id !== viewer?.user.id)
      throw DomainError.notFound('Affirmation', { id }).inEnglish('Statement not found.');
    return hosted;
  }

  async reference(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostedResource | null> {
    if (!UUID.test(id)) return null;
    const [row]: {
      debate_id: string;
      component_id: string;
      body: string;
      author_id: string | null;
      hidden_at: Date | null;
    }[] = await manager.query(
      `SELECT s.debate_id, d.component_id, s.body, s.author_id, s.hidden_at FROM debate_statements s JOIN debates d ON d.id = s.debate_id WHERE s.id = $1`,
      [id],
    );
    const place = row && (await this.spaces.componentPlace(row.component_id, manager));
    if (!row || !place) return null;
    return {
      type: this.type,
      id,
      spaceId: place.spaceId,
      componentId: row.component_id,
      settings: place.settings,
      hidden: row.hidden_at !== null,
      title: row.body,
      link: `${place.path}/debats/${row.debate_id}`,
      authorId: row.author_id,
    };
  }

  readonly reports = {
    hideThreshold: (r: HostedResource) => debateManifest.settingsOf(r.settings).hideThreshold,
    setHidden: async (manager: EntityManager, id: string, hidden: boolean) => {
      const [row]: { debate_id: string }[] = await manager.query(
        `UPDATE debate_statements SET hidden_at = CASE WHEN $2 THEN coalesce(hidden_at, now()) END WHERE id = $1 RETURNING debate_id`,
        [id, hidden],
      );
      if (row) this.analyses.requestRecompute(row.debate_id);
    },
    authoredBy: authoredByColumn('debate_statements', 'author_id'),
    summaries: async (ids: string[]): Promise<Map<string, ReportedSummary>> => {
      const rows: { id: string; body: string }[] = await this.dataSource.query(
        `SELECT id, body FROM debate_statements WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      return new Map(
        rows.map((r) => [r.id, { title: r.body, proposalId: null, unanswered: false }]),
      );
    },
    /** Participants' statements awaiting review (moderated setting): in the queue although nobody reported them. */
    pending: async (componentId: string) => {
      const rows: { id: string; body: string; created_at: Date; hidden_at: Date | null }[] =
        await this.dataSource.query(
          `SELECT s.id, s.body, s.created_at, s.hidden_at FROM debate_statements s JOIN debates d ON d.id = s.debate_id
          WHERE d.component_id = $1 AND s.state = 'PENDING' ORDER BY s.created_at, s.id`,
          [componentId],
        );
      return rows.map((r) => ({
        id: r.id,
        title: r.body,
        since: r.created_at,
        hidden: r.hidden_at !== null,
        proposalId: null,
      }));
    },
  };

  readonly history = { logType: 'debate_statement', withAmendments: false };
}
