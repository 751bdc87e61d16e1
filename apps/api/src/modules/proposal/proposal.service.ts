import { ComponentType, SpaceRole } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../common/database/unit-of-work';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { richTextToPlain, sanitizeRichText } from '../../common/rich-text/rich-text';
import { ActionLogService } from '../action-log/action-log.service';
import { FollowService } from '../follow/follow.service';
import { ModerationService } from '../moderation/moderation.service';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { ComponentEntity } from '../participatory-space/entities/component.entity';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { SpaceAccessService, visibleToUserSql } from '../participatory-space/space-access.service';
import {
  ProposalComponentStatusDto,
  ProposalConnectionDto,
  ProposalDto,
  ProposalOrder,
  ProposalSettingsDto,
  ProposalState,
  SupporterDto,
} from './dtos/proposal.dto';
import {
  AnswerProposalInput,
  CreateProposalInput,
  ProposalFilterInput,
  ProposalLimits,
  ProposalSettingsInput,
  UpdateProposalInput,
} from './dtos/proposal.inputs';
import { ProposalEntity } from './entities/proposal.entity';
import { KeyedPermutation } from './ordering/keyed-permutation';
import { ConsensusService, type ConsensusSnapshot } from './consensus.service';
import { decodeCursor, encodeCursor, ProposalCursor } from './ordering/proposal-cursor';
import { proposalSettingsOf, ProposalSettings, SupportsState } from './proposal.manifest';
import { hasVisibleText } from '../../common/validation/visible-text';
import type { ResourceOrigin } from '../../common/graphql/resource-origin.dto';

/** A PROPOSALS component checked for a proposal created from another module's resource ({@link ProposalService.originTarget}). */
export interface ProposalOriginTarget {
  componentId: string;
  spaceId: string;
  /** Who creates it (the action log's user). */
  actorId: string;
}

/** A proposal row with its author's name, as the list and detail queries read it. */
export type ProposalRow = ProposalEntity & { authorName: string | null; publishedAtExact: string };

/** What {@link ProposalService.supportTarget} reads before a support or its withdrawal. */
export interface SupportTarget {
  row: ProposalRow;
  spaceId: string;
  settings: ProposalSettings;
  /** The viewer moderates the space (organization admin, space admin or moderator). */
  moderator: boolean;
  viewerSupports: boolean;
  /** The viewer marked « pas d'accord » on it. */
  viewerDisagrees: boolean;
  /** Someone supports it (an author can edit only until the first support). */
  supported: boolean;
  viewerReported: boolean;
  /** Whether the viewer follows it, when asked (null otherwise). */
  viewerFollows: boolean | null;
}

/** French labels of the answer states, for action-log summaries. */
const STATE_LABEL: Record<string, string> = {
  ACCEPTED: 'acceptée',
  REJECTED: 'refusée',
  EVALUATING: 'en évaluation',
  NOT_ANSWERED: 'sans réponse',
  WITHDRAWN: 'retirée',
};

/** The state participants see: withdrawn, the published answer's state, or NOT_ANSWERED. */
export const VISIBLE_STATE_SQL = `CASE WHEN p.withdrawn_at IS NOT NULL THEN 'WITHDRAWN' WHEN p.state_published_at IS NOT NULL THEN p.state ELSE 'NOT_ANSWERED' END`;

const SELECT_PROPOSAL = `
  SELECT p.id, p.component_id AS "componentId", p.author_id AS "authorId", p.official, p.reference, p.title, p.body, p.state,
         p.published_at AS "publishedAt", p.position_index AS "positionIndex", p.supports_count AS "supportsCount", p.disagreements_count AS "disagreementsCount",
         p.comments_count AS "commentsCount", p.follows_count AS "followsCount", p.answer, p.answered_at AS "answeredAt",
         p.answered_by AS "answeredBy", p.state_published_at AS "statePublishedAt", p.withdrawn_at AS "withdrawnAt",
         p.hidden_at AS "hiddenAt", p.created_at AS "createdAt", p.updated_at AS "updatedAt", u.name AS "authorName",
         p.origin_type AS "originType", p.origin_id AS "originId", p.origin_title AS "originTitle", p.origin_link AS "originLink",
         p.published_at::text AS "publishedAtExact"
    FROM proposals p LEFT JOIN users u ON u.id = p.author_id`;

/** Keyset orders: SQL column, direction and how the cursor value is read back. */
const KEYSET: Record<
  Exclude<ProposalOrder, 'RANDOM' | 'CONSENSUS'>,
  { column: string; desc: boolean; idDesc: boolean; read: (r: ProposalRow) => string | number }
> = {
  // the exact timestamp (microseconds) as PostgreSQL prints it: a JS Date would round to milliseconds and skip ties
  RECENT: { column: 'p.published_at', desc: true, idDesc: true, read: (r) => r.publishedAtExact },
  MOST_SUPPORTED: {
    column: 'p.supports_count',
    desc: true,
    idDesc: false,
    read: (r) => r.supportsCount,
  },
  MOST_COMMENTED: {
    column: 'p.comments_count',
    desc: true,
    idDesc: false,
    read: (r) => r.commentsCount,
  },
  MOST_FOLLOWED: {
    column: 'p.follows_count',
    desc: true,
    idDesc: false,
    read: (r) => r.followsCount,
  },
};

/** The context a page was read in, kept on the connection so `totalCount` is counted only when asked. */
export interface ProposalConnectionSource extends ProposalConnectionDto {
  countTotal: () => Promise<number>;
}

/**
 * An answer is published to the proposal's readers: while moderation hides it (reports, a
 * moderator, its author's block) there are none, so the moderator shows it again first.
 * Called under the proposal row's lock, which hiding also takes (no race).
 * @throws CONFLICT `reason: HIDDEN`
 */
function refuseAnswerWhileHidden(row: { hiddenAt: Date | null }): void {
  if (row.hiddenAt)
    throw DomainError.conflict(
      'Cette proposition est masquée par la modération : rendez-la visible avant d’y répondre.',
      { reason: 'HIDDEN' },
    ).inEnglish('This proposal is hidden by moderation: show it again before answering it.');
}

/**
 * Proposals of a PROPOSALS component: publication, editing, withdrawal, the moderators'
 * answers, settings, and paging in six orders — RANDOM through a keyed permutation of the
 * dense position index (constant cost per page, fair over seeds), CONSENSUS from a ranking
 * snapshot named by the cursor, the others by keyset.
 */
@Injectable()
export class ProposalService {
  /** The deployment's cursor key, read once: it never changes, so remembering it changes no result. */
  private cursorKey?: Promise<Buffer>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly access: SpaceAccessService,
    private readonly actionLog: ActionLogService,
    private readonly follows: FollowService,
    private readonly events: DomainEventOutbox,
    private readonly moderation: ModerationService,
    private readonly consensus: ConsensusService,
  ) {}

  /**
   * A page of proposals.
   * @param componentId a visible PROPOSALS component
   * @param order RANDOM (default), RECENT, MOST_SUPPORTED, MOST_COMMENTED, MOST_FOLLOWED or
   *        CONSENSUS (components with `disagreementsEnabled`: a ranking snapshot, {@link ConsensusService})
   * @param seed RANDOM only: the session's seed; a new one is drawn when absent and returned
   * @param first page size, 1–100
   * @param after cursor from a previous page's `endCursor`
   * @param filter states, search (French, accent-insensitive), mine, supportedByMe
   * @returns edges, pageInfo, the seed used and a lazily counted totalCount
   * @throws NOT_FOUND component hidden or unknown; BAD_USER_INPUT bad size, cursor (reason
   *         `consensusSnapshotExpired`: a CONSENSUS snapshot pruned since), or an order by supports
   *         while supports are hidden, CONSENSUS where it is off (reason `consensusUnavailable`); UNAUTHENTICATED `mine`/`supportedByMe` anonymously
   */
  async page(
    componentId: string,
    order: ProposalOrder,
    seed: string | undefined,
    first: number,
    after: string | undefined,
    filter: ProposalFilterInput | undefined,
    viewer: Viewer | null,
  ): Promise<ProposalConnectionSource> {
    const component = await this.visibleProposalsComponent(componentId, viewer);
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw DomainError.badInput('first doit être entre 1 et 100.', { field: 'first' }).inEnglish(
        'first must be between 1 and 100.',
      );
    if ((filter?.mine || filter?.supportedByMe) && !viewer) throw DomainError.unauthenticated();
    const settings = proposalSettingsOf(component.settings);
    if (settings.supportsState === SupportsState.HIDDEN && order === 'MOST_SUPPORTED') {
      throw DomainError.badInput('Les soutiens sont masqués dans cette fonctionnalité.', {
        field: 'order',
      }).inEnglish('Supports are hidden in this feature.');
    }
    if (
      order === 'CONSENSUS' &&
      (!settings.disagreementsEnabled || settings.supportsState === SupportsState.HIDDEN)
    ) {
      throw DomainError.badInput(
        'L’ordre par consensus n’est pas proposé dans cette fonctionnalité.',
        { field: 'order', reason: 'consensusUnavailable' },
      ).inEnglish('Ordering by consensus is not offered in this feature.');
    }
    const moderator = await this.canModerate(viewer, component.spaceId);
    const where = this.filterSql(filter, viewer, moderator);
    const params: unknown[] = [componentId, ...where.params];
    const key = await this.pagingKey();
    const cursor = after ? decodeCursor(after, order, componentId, key) : undefined;
    const countTotal = () => this.countMatching(componentId, filter, moderator, where);

    let rows: { row: ProposalRow; cursor: ProposalCursor }[];
    let usedSeed: string | null = null;
    let snapshot: ConsensusSnapshot | null = null;
    if (order === 'CONSENSUS') {
      const start = cursor as Extract<ProposalCursor, { o: 'CONSENSUS' }> | undefined;
      snapshot = start
        ? await this.consensus.byVersion(componentId, start.v)
        : await this.consensus.current(componentId);
      rows = await this.consensusPage(
        componentId,
        snapshot,
        start?.p ?? 0,
        first + 1,
        where.sql,
        params,
      );
    } else if (order === 'RANDOM') {
      const start = cursor as Extract<ProposalCursor, { o: 'RANDOM' }> | undefined;
      if (start && seed !== undefined && seed !== null && seed !== start.s) {
        throw DomainError.badInput(
          'Ce curseur de pagination a été fait pour un autre ordre aléatoire (seed).',
          { field: 'seed' },
        ).inEnglish('This pagination cursor was made for another random order (seed).');
      }
      usedSeed = start?.s ?? seed ?? randomBytes(8).toString('hex');
      if (usedSeed.length > 64)
        throw DomainError.badInput('seed: 64 caractères au plus', { field: 'seed' }).inEnglish(
          'At most 64 characters.',
        );
      rows = where.selective
        ? await this.randomPageOfMatches(componentId, usedSeed, start, first + 1, where.sql, params)
        : await this.randomPage(componentId, usedSeed, start, first + 1, where.sql, params);
    } else {
      rows = await this.keysetPage(
        componentId,
        order,
        cursor as Extract<ProposalCursor, { id: string }> | undefined,
        first + 1,
        where.sql,
        params,
      );
    }
    const hasNextPage = rows.length > first;
    const page = rows.slice(0, first);
    const nodes = await this.present(
      page.map((r) => r.row),
      viewer,
      settings,
      moderator,
    );
    return {
      edges: page.map((r, i) => ({ cursor: encodeCursor(r.cursor, key), node: nodes[i] })),
      pageInfo: {
        hasNextPage,
        endCursor: page.length ? encodeCursor(page[page.length - 1].cursor, key) : null,
      },
      seed: usedSeed,
      order,
      consensusVersion: snapshot?.version ?? null,
      totalCount: 0,
      countTotal,
    };
  }

  /**
   * Walks positions from the cursor: position q < n holds the proposal whose position index is
   * π_seed(q) (a keyed permutation of [0, n)); positions ≥ n hold later proposals in creation
   * order. Rows are fetched by primary-key-like lookups on (component_id, position_index),
   * in batches, so the cost depends on the page size, not on the number of proposals.
   */
  private async randomPage(
    componentId: string,
    seed: string,
    start: Extract<ProposalCursor, { o: 'RANDOM' }> | undefined,
    limit: number,
    filterSql: string,
    params: unknown[],
  ): Promise<{ row: ProposalRow; cursor: ProposalCursor }[]> {
    // how far positions go: the current number of proposals (positions ≥ n hold later arrivals).
    // A later page whose positions all fall below the frozen n needs no extra query for it.
    let end: number | undefined;
    const currentEnd = async () => {
      const [{ upper }] = await this.dataSource.query(
        `SELECT coalesce(max(position_index) + 1, 0) AS upper FROM proposals WHERE component_id = $1`,
        [componentId],
      );
      return Number(upper);
    };
    let n: number;
    if (start) {
      n = start.n;
      // a genuine cursor never froze more proposals than exist (they are never deleted)
      end = await currentEnd();
      if (n > end)
        throw DomainError.badInput('Curseur de pagination invalide.', { field: 'after' }).inEnglish(
          'Invalid pagination cursor.',
        );
    } else {
      n = await this.frozenSize(componentId);
      end = n;
    }
    const permutation = new KeyedPermutation(seed, n);
    const found: { row: ProposalRow; cursor: ProposalCursor }[] = [];
    let position = start?.p ?? 0;
    const batchSize = Math.max(limit, 32);
    for (let batches = 0; found.length < limit && batches < 10_000; batches++) {
      if (end === undefined && position + batchSize > n) end = await currentEnd();
      const limitEnd = end ?? n;
      if (position >= limitEnd) break;
      const positions: number[] = [];
      for (let q = position; q < limitEnd && positions.length < batchSize; q++) positions.push(q);
      const indices = positions.map((q) => (q < n ? permutation.at(q) : q));
      const rows: ProposalRow[] = await this.dataSource.query(
        `${SELECT_PROPOSAL} WHERE p.component_id = $1 AND p.position_index = ANY($${params.length + 1}::int[]) ${filterSql}`,
        [...params, indices],
      );
      const byIndex = new Map(rows.map((r) => [Number(r.positionIndex), r]));
      for (const [k, q] of positions.entries()) {
        const row = byIndex.get(indices[k]);
        if (!row) continue;
        found.push({ row, cursor: { o: 'RANDOM', c: componentId, s: seed, n, p: q + 1 } });
        if (found.length >= limit) break;
      }
      position = positions[positions.length - 1] + 1;
    }
    return found;
  }

  /**
   * CONSENSUS order from a snapshot: keys below the snapshot's size are ranks (read from
   * `proposal_consensus_ranks` in rank order), then proposals created after it by position index.
   * Keys are unique, so a cursor holding the next key never repeats or skips a proposal.
   */
  private async consensusPage(
    componentId: string,
    snapshot: ConsensusSnapshot,
    from: number,
    limit: number,
    filterSql: string,
    params: unknown[],
  ): Promise<{ row: ProposalRow; cursor: ProposalCursor }[]> {
    const found: { row: ProposalRow; cursor: ProposalCursor }[] = [];
    const at = (key: number) => ({
      o: 'CONSENSUS' as const,
      c: componentId,
      v: snapshot.version,
      p: key + 1,
    });
    if (from < snapshot.size) {
      const ranked: { rank: number; proposal_id: string }[] = await this.dataSource.query(
        `SELECT r.rank, r.proposal_id FROM proposal_consensus_ranks r JOIN proposals p ON p.id = r.proposal_id
          WHERE r.snapshot_id = $${params.length + 1} AND r.rank >= $${params.length + 2} AND p.component_id = $1 ${filterSql}
          ORDER BY r.rank LIMIT $${params.length + 3}`,
        [...params, snapshot.id, from, limit],
      );
      if (ranked.length) {
        const rows: ProposalRow[] = await this.dataSource.query(
          `${SELECT_PROPOSAL} WHERE p.id = ANY($1::uuid[])`,
          [ranked.map((r) => r.proposal_id)],
        );
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const r of ranked)
          found.push({ row: byId.get(r.proposal_id)!, cursor: at(Number(r.rank)) });
      }
    }
    if (found.length < limit) {
      const later: ProposalRow[] = await this.dataSource.query(
        `${SELECT_PROPOSAL} WHERE p.component_id = $1 AND p.position_index >= $${params.length + 1} ${filterSql}
          ORDER BY p.position_index LIMIT $${params.length + 2}`,
        [...params, Math.max(from, snapshot.size), limit - found.length],
      );
      for (const row of later) found.push({ row, cursor: at(Number(row.positionIndex)) });
    }
    return found;
  }

  private async keysetPage(
    componentId: string,
    order: Exclude<ProposalOrder, 'RANDOM' | 'CONSENSUS'>,
    cursor: Extract<ProposalCursor, { id: string }> | undefined,
    limit: number,
    filterSql: string,
    params: unknown[],
  ): Promise<{ row: ProposalRow; cursor: ProposalCursor }[]> {
    const spec = KEYSET[order];
    const all = [...params];
    let after = '';
    if (cursor) {
      all.push(cursor.v, cursor.id);
      const v = `$${all.length - 1}${order === 'RECENT' ? '::timestamptz' : '::int'}`;
      const id = `$${all.length}::uuid`;
      const valueCmp = spec.desc ? '<' : '>';
      const idCmp = spec.idDesc ? '<' : '>';
      after = `AND (${spec.column} ${valueCmp} ${v} OR (${spec.column} = ${v} AND p.id ${idCmp} ${id}))`;
    }
    all.push(limit);
    const rows: ProposalRow[] = await this.dataSource.query(
      `${SELECT_PROPOSAL} WHERE p.component_id = $1 ${filterSql} ${after}
        ORDER BY ${spec.column} ${spec.desc ? 'DESC' : 'ASC'}, p.id ${spec.idDesc ? 'DESC' : 'ASC'} LIMIT $${all.length}`,
      all,
    );
    return rows.map((row) => ({
      row,
      cursor: { o: order, c: componentId, v: spec.read(row), id: row.id },
    }));
  }

  /**
   * RANDOM order under a selective filter (search, states, mine, supported by me): rather than
   * walking positions until enough rows match, read the position indexes of the matching
   * proposals (an index scan), map each to its position with the inverse permutation, and
   * keep the next `limit` by position — the same order and cursors as the unfiltered walk,
   * at a cost that follows the number of matches.
   */
  private async randomPageOfMatches(
    componentId: string,
    seed: string,
    start: Extract<ProposalCursor, { o: 'RANDOM' }> | undefined,
    limit: number,
    filterSql: string,
    params: unknown[],
  ): Promise<{ row: ProposalRow; cursor: ProposalCursor }[]> {
    const matches: { position_index: number }[] = await this.dataSource.query(
      `SELECT p.position_index FROM proposals p WHERE p.component_id = $1 ${filterSql}`,
      params,
    );
    const n = start?.n ?? (await this.frozenSize(componentId));
    if (
      start &&
      n > (await this.frozenSize(componentId)) &&
      n > Math.max(...matches.map((m) => Number(m.position_index) + 1), 0)
    ) {
      const [{ upper }] = await this.dataSource.query(
        `SELECT coalesce(max(position_index) + 1, 0) AS upper FROM proposals WHERE component_id = $1`,
        [componentId],
      );
      if (n > Number(upper))
        throw DomainError.badInput('Curseur de pagination invalide.', { field: 'after' }).inEnglish(
          'Invalid pagination cursor.',
        );
    }
    const permutation = new KeyedPermutation(seed, n);
    const from = start?.p ?? 0;
    const ranked = matches
      .map((m) => ({
        index: Number(m.position_index),
        position:
          Number(m.position_index) < n
            ? permutation.positionOf(Number(m.position_index))
            : Number(m.position_index),
      }))
      .filter((m) => m.position >= from)
      .sort((a, b) => a.position - b.position)
      .slice(0, limit);
    if (!ranked.length) return [];
    const rows: ProposalRow[] = await this.dataSource.query(
      `${SELECT_PROPOSAL} WHERE p.component_id = $1 AND p.position_index = ANY($2::int[])`,
      [componentId, ranked.map((m) => m.index)],
    );
    const byIndex = new Map(rows.map((r) => [Number(r.positionIndex), r]));
    return ranked
      .filter((m) => byIndex.has(m.index))
      .map((m) => ({
        row: byIndex.get(m.index)!,
        cursor: { o: 'RANDOM', c: componentId, s: seed, n, p: m.position + 1 },
      }));
  }

  /**
   * The number of proposals a first RANDOM page freezes as `n`: one index lookup of the highest
   * position (`max(position_index)` on the component's unique index), read at every first page —
   * no memo, so the order depends only on the seed and the proposals that exist.
   */
  private async frozenSize(componentId: string): Promise<number> {
    const [{ upper }] = await this.dataSource.query(
      `SELECT coalesce(max(position_index) + 1, 0) AS upper FROM proposals WHERE component_id = $1`,
      [componentId],
    );
    return Number(upper);
  }

  /** The key signing this deployment's paging cursors (one row of `proposal_cursor_keys`, read once per process). */
  private pagingKey(): Promise<Buffer> {
    this.cursorKey ??= this.dataSource
      .query(`SELECT key FROM proposal_cursor_keys WHERE id = 1`)
      .then((rows: { key: Buffer }[]) => {
        if (!rows[0]) throw new Error('proposal_cursor_keys is empty: run the migrations');
        return rows[0].key;
      });
    this.cursorKey.catch(() => (this.cursorKey = undefined));
    return this.cursorKey;
  }

  /**
   * `totalCount` of a page: without words, authorship or one's own supports in the filter, the
   * sum of the component's kept counts (`proposal_counts`, a few rows whatever the size: hidden
   * or not × visible state, kept by triggers in the writing transaction); otherwise a `count(*)`
   * of the matches, only when the client asks for it.
   */
  private async countMatching(
    componentId: string,
    filter: ProposalFilterInput | undefined,
    moderator: boolean,
    where: { sql: string; params: unknown[] },
  ): Promise<number> {
    if (filter?.search?.trim() || filter?.mine || filter?.supportedByMe) {
      return Number(
        (
          await this.dataSource.query(
            `SELECT count(*) AS n FROM proposals p WHERE p.component_id = $1 ${where.sql}`,
            [componentId, ...where.params],
          )
        )[0].n,
      );
    }
    const clauses: string[] = [];
    const params: unknown[] = [componentId];
    if (!moderator) clauses.push('NOT hidden');
    if (!filter?.includeWithdrawn && !filter?.states?.includes('WITHDRAWN'))
      clauses.push(`visible_state <> 'WITHDRAWN'`);
    if (filter?.states?.length) {
      params.push(filter.states);
      clauses.push(`visible_state = ANY($2::text[])`);
    }
    const [{ n }] = await this.dataSource.query(
      `SELECT coalesce(sum(n), 0)::bigint AS n FROM proposal_counts WHERE component_id = $1 ${clauses.map((c) => `AND ${c}`).join(' ')}`,
      params,
    );
    return Number(n);
  }

  private filterSql(
    filter: ProposalFilterInput | undefined,
    viewer: Viewer | null,
    moderator: boolean,
  ): { sql: string; params: unknown[]; selective: boolean } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length + 1}`; // $1 is the component id
    };
    if (!moderator) clauses.push('p.hidden_at IS NULL');
    if (!filter?.includeWithdrawn && !filter?.states?.includes('WITHDRAWN'))
      clauses.push('p.withdrawn_at IS NULL');
    if (filter?.states?.length)
      clauses.push(`${VISIBLE_STATE_SQL} = ANY(${param(filter.states)}::text[])`);
    if (filter?.search?.trim())
      clauses.push(
        `p.search_vector @@ websearch_to_tsquery('french', concerto_unaccent(${param(filter.search.trim())}))`,
      );
    if (filter?.mine && viewer) clauses.push(`p.author_id = ${param(viewer.user.id)}::uuid`);
    if (filter?.supportedByMe && viewer) {
      clauses.push(
        `EXISTS (SELECT 1 FROM proposal_supports s WHERE s.proposal_id = p.id AND s.user_id = ${param(viewer.user.id)}::uuid)`,
      );
    }
    const selective = Boolean(
      filter?.states?.length || filter?.search?.trim() || filter?.mine || filter?.supportedByMe,
    );
    return { sql: clauses.map((c) => `AND ${c}`).join(' '), params, selective };
  }

  /**
   * One proposal.
   * @throws NOT_FOUND unknown, in a hidden component, or hidden by moderation (except for moderators)
   */
  async byId(id: string, viewer: Viewer | null): Promise<ProposalDto> {
    const row = await this.load(this.dataSource.manager, id);
    const component = await this.visibleProposalsComponent(row.componentId, viewer);
    const moderator = await this.canModerate(viewer, component.spaceId);
    if (row.hiddenAt && !moderator)
      throw DomainError.notFound('Proposition', { id }).inEnglish('Proposal not found.');
    return (
      await this.present([row], viewer, proposalSettingsOf(component.settings), moderator)
    )[0];
  }

  /**
   * Publishes a participant's proposal; its author follows it.
   * @throws NOT_FOUND component; FORBIDDEN creation closed; BAD_USER_INPUT title/body length (`extensions.field`)
   */
  async create(input: CreateProposalInput, viewer: Viewer): Promise<ProposalDto> {
    const component = await this.visibleProposalsComponent(input.componentId, viewer);
    if (!proposalSettingsOf(component.settings).creationEnabled)
      throw DomainError.forbidden('Le dépôt de propositions est fermé.').inEnglish(
        'Submitting proposals is closed.',
      );
    const body = this.checkedBody(input.body);
    const id = await inTransaction(this.dataSource, async (manager) => {
      // the component row lock serialises position indexes: dense, no gaps, no duplicates. NO KEY
      // UPDATE, not UPDATE: a concurrent withdrawal or hide that opens a new `proposal_counts` bucket
      // takes KEY SHARE on this row (the bucket's foreign key) while holding the bucket this insert
      // needs; FOR UPDATE made the two wait on each other (a deadlock seen under load)
      await manager.query(`SELECT 1 FROM components WHERE id = $1 FOR NO KEY UPDATE`, [
        component.id,
      ]);
      const [{ next }] = await manager.query(
        `SELECT coalesce(max(position_index) + 1, 0) AS next FROM proposals WHERE component_id = $1`,
        [component.id],
      );
      const [{ id }] = await manager.query(
        `INSERT INTO proposals (component_id, author_id, official, title, body, position_index) VALUES ($1, $2, false, $3, $4, $5) RETURNING id`,
        [component.id, viewer.user.id, input.title, body, Number(next)],
      );
      await this.follows.followInTransaction(manager, viewer.user.id, 'PROPOSAL', id);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'create',
        resourceType: 'proposal',
        resourceId: id,
        spaceId: component.spaceId,
        visibility: 'PUBLIC',
        summary: `Proposition « ${input.title} » publiée`,
      });
      await this.events.record(
        manager,
        'proposal.published',
        {
          proposalId: id,
          componentId: component.id,
          spaceId: component.spaceId,
          title: input.title,
          authorId: viewer.user.id,
        },
        viewer.user.id,
      );
      return id as string;
    });
    this.events.committed();
    return this.byId(id, viewer);
  }

  /**
   * Checks, before the caller's transaction, that a proposal can be created from another module's
   * resource in this component (see {@link createFromOrigin}). Reads through the pool: call it
   * before taking row locks (a check inside a locked transaction would wait for a second pool
   * connection while holding one).
   * @param componentId the target component
   * @param actor who will create it (the component must be visible to them)
   * @returns the checked target, to pass to {@link createFromOrigin}
   * @throws NOT_FOUND component unknown or hidden from the actor; BAD_USER_INPUT (field `secondStageComponentId`) not a PROPOSALS component
   */
  async originTarget(componentId: string, actor: Viewer): Promise<ProposalOriginTarget> {
    const component = await this.spaces.component(componentId, actor);
    if (component.type !== ComponentType.PROPOSALS)
      throw DomainError.badInput('La suite choisie n’est pas une fonctionnalité de propositions.', {
        field: 'secondStageComponentId',
      }).inEnglish('The chosen next stage is not a proposals feature.');
    return { componentId: component.id, spaceId: component.spaceId, actorId: actor.user.id };
  }

  /**
   * Creates a proposal from another module's resource, in the caller's transaction and through it
   * only (a petition that becomes a proposal: `PetitionService.answer`). The proposal is published
   * at once, by `authorId` (the petition's author, who then follows it; null → an official
   * proposal when the author's account is gone), with the origin stored on it (« Issue de la
   * pétition … ») and held unique by PostgreSQL (`proposals_origin_once`: a second proposal from
   * the same origin is refused, 23505 → CONFLICT). The component's « dépôt » setting is not
   * checked: the moderators' decision is not a participant's submission.
   * Caller: a service that has already checked who may do this (space admins for petitions), with
   * a target from {@link originTarget}.
   * @param manager the caller's transaction (the proposal commits or rolls back with it)
   * @param target from {@link originTarget}
   * @param input author, title (15–150 characters), sanitised HTML body (≤ 3,000 characters of text), origin
   * @returns the new proposal's id and web path
   * @throws BAD_USER_INPUT (field `title` / `body`) the text does not fit a proposal; CONFLICT a proposal from this origin exists
   */
  async createFromOrigin(
    manager: EntityManager,
    target: ProposalOriginTarget,
    input: { authorId: string | null; title: string; body: string; origin: ResourceOrigin },
  ): Promise<{ id: string; link: string }> {
    const title = input.title.trim();
    if (title.length < ProposalLimits.titleMin || title.length > ProposalLimits.titleMax) {
      throw DomainError.badInput(
        `Le titre d’une proposition compte de ${ProposalLimits.titleMin} à ${ProposalLimits.titleMax} caractères (celui-ci : ${title.length}).`,
        { field: 'title' },
      ).inEnglish(
        `A proposal’s title has ${ProposalLimits.titleMin} to ${ProposalLimits.titleMax} characters (this one: ${title.length}).`,
      );
    }
    const text = richTextToPlain(sanitizeRichText(input.body));
    if (text.length > ProposalLimits.bodyMax)
      throw DomainError.badInput(
        `Le texte d’une proposition compte au plus 3 000 caractères (celui-ci : ${text.length}).`,
        { field: 'body' },
      ).inEnglish(`A proposal’s text has at most 3,000 characters (this one: ${text.length}).`);
    const body = this.checkedBody(input.body);
    // the component row lock serialises position indexes (as in create)
    const [component] = await manager.query(
      `SELECT id, type FROM components WHERE id = $1 FOR NO KEY UPDATE`,
      [target.componentId],
    );
    if (!component || component.type !== ComponentType.PROPOSALS)
      throw DomainError.notFound('Fonctionnalité', { id: target.componentId }).inEnglish(
        'Feature not found.',
      );
    const [{ next }] = await manager.query(
      `SELECT coalesce(max(position_index) + 1, 0) AS next FROM proposals WHERE component_id = $1`,
      [target.componentId],
    );
    const [{ id }] = await manager.query(
      `INSERT INTO proposals (component_id, author_id, official, title, body, position_index, origin_type, origin_id, origin_title, origin_link)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        target.componentId,
        input.authorId,
        input.authorId === null,
        title,
        body,
        Number(next),
        input.origin.type,
        input.origin.id,
        input.origin.title,
        input.origin.link,
      ],
    );
    if (input.authorId)
      await this.follows.followInTransaction(manager, input.authorId, 'PROPOSAL', id);
    await this.actionLog.record(manager, {
      userId: target.actorId,
      action: 'create',
      resourceType: 'proposal',
      resourceId: id,
      spaceId: target.spaceId,
      visibility: 'PUBLIC',
      summary: `Proposition « ${title} » publiée, issue de la pétition « ${input.origin.title} »`,
    });
    await this.events.record(
      manager,
      'proposal.published',
      {
        proposalId: id,
        componentId: target.componentId,
        spaceId: target.spaceId,
        title,
        authorId: input.authorId,
      },
      target.actorId,
    );
    const place = (await this.spaces.componentPlace(target.componentId, manager))!;
    return { id, link: `${place.path}/propositions/${id}` };
  }

  /**
   * Edits a proposal: its author only, while no one supports it and it is not withdrawn or answered.
   * @throws NOT_FOUND; FORBIDDEN not the author; CONFLICT already supported, withdrawn or answered; BAD_USER_INPUT lengths
   */
  async update(id: string, input: UpdateProposalInput, viewer: Viewer): Promise<ProposalDto> {
    const body = input.body !== undefined ? this.checkedBody(input.body) : undefined;
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.load(manager, id, true);
      if (row.authorId !== viewer.user.id)
        throw DomainError.forbidden('Seul l’auteur peut modifier sa proposition.').inEnglish(
          'Only the author can edit their proposal.',
        );
      if (row.withdrawnAt)
        throw DomainError.conflict('Cette proposition a été retirée.').inEnglish(
          'This proposal has been withdrawn.',
        );
      const [{ supports }] = await manager.query(
        `SELECT count(*) AS supports FROM proposal_supports WHERE proposal_id = $1`,
        [id],
      );
      if (Number(supports) > 0)
        throw DomainError.conflict(
          'Une proposition déjà soutenue ne peut plus être modifiée.',
        ).inEnglish('A proposal that already has supports can no longer be edited.');
      if (row.statePublishedAt)
        throw DomainError.conflict(
          'Une proposition déjà traitée ne peut plus être modifiée.',
        ).inEnglish('A proposal that has already been answered can no longer be edited.');
      await manager.query(
        `UPDATE proposals SET title = coalesce($2, title), body = coalesce($3, body), updated_at = now() WHERE id = $1`,
        [id, input.title ?? null, body ?? null],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'update',
        resourceType: 'proposal',
        resourceId: id,
        spaceId: await this.spaceIdOf(manager, row.componentId),
        visibility: 'PUBLIC',
        summary: 'Proposition modifiée',
      });
    });
    return this.byId(id, viewer);
  }

  /**
   * Withdraws a proposal (its author only); a withdrawn proposal takes no more supports.
   * @throws NOT_FOUND; FORBIDDEN not the author; CONFLICT already withdrawn
   */
  async withdraw(id: string, viewer: Viewer): Promise<ProposalDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.load(manager, id, true);
      if (row.authorId !== viewer.user.id)
        throw DomainError.forbidden('Seul l’auteur peut retirer sa proposition.').inEnglish(
          'Only the author can withdraw their proposal.',
        );
      if (row.withdrawnAt)
        throw DomainError.conflict('Cette proposition est déjà retirée.').inEnglish(
          'This proposal is already withdrawn.',
        );
      await manager.query(
        `UPDATE proposals SET withdrawn_at = now(), updated_at = now() WHERE id = $1`,
        [id],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'withdraw',
        resourceType: 'proposal',
        resourceId: id,
        spaceId: await this.spaceIdOf(manager, row.componentId),
        visibility: 'PUBLIC',
        summary: 'Proposition retirée',
      });
    });
    return this.byId(id, viewer);
  }

  /**
   * Records the moderators' state and official answer; published now or kept for later.
   * Access: the space's moderators and admins (checked by the resolver's policy).
   * @throws NOT_FOUND; CONFLICT withdrawn; CONFLICT `reason: HIDDEN` hidden by moderation or by
   *   its author's block (shown again first); BAD_USER_INPUT rejection without an answer
   */
  async answer(input: AnswerProposalInput, viewer: Viewer): Promise<ProposalDto> {
    const answer =
      input.answer && hasVisibleText(richTextToPlain(sanitizeRichText(input.answer)))
        ? sanitizeRichText(input.answer)
        : null;
    if (input.state === 'REJECTED' && !answer)
      throw DomainError.badInput('Un refus doit être motivé par une réponse.', {
        field: 'answer',
      }).inEnglish('A rejection must be explained by an answer.');
    if (answer && richTextToPlain(answer).length > ProposalLimits.answerMax)
      throw DomainError.badInput('answer: 5 000 caractères au plus', { field: 'answer' }).inEnglish(
        'At most 5,000 characters.',
      );
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.load(manager, input.proposalId, true);
      if (row.withdrawnAt)
        throw DomainError.conflict('Cette proposition a été retirée.').inEnglish(
          'This proposal has been withdrawn.',
        );
      refuseAnswerWhileHidden(row);
      const publish = input.publish ?? true;
      await manager.query(
        `UPDATE proposals SET state = $2, answer = $3, answered_at = now(), answered_by = $4,
                state_published_at = CASE WHEN $5 THEN now() ELSE NULL END, updated_at = now() WHERE id = $1`,
        [row.id, input.state, answer, viewer.user.id, publish],
      );
      const spaceId = await this.spaceIdOf(manager, row.componentId);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: publish ? 'answer' : 'answer_draft',
        resourceType: 'proposal',
        resourceId: row.id,
        spaceId,
        visibility: publish ? 'PUBLIC' : 'ADMIN_ONLY',
        summary: `Réponse : ${STATE_LABEL[input.state] ?? input.state}`,
      });
      if (publish) {
        await this.events.record(
          manager,
          'proposal.answered',
          { proposalId: row.id, spaceId, title: row.title, state: input.state },
          viewer.user.id,
        );
      }
    });
    this.events.committed();
    return this.byId(input.proposalId, viewer);
  }

  /** Publishes a drafted answer. @throws NOT_FOUND; CONFLICT no answer drafted; CONFLICT `reason: HIDDEN` hidden by moderation */
  async publishAnswer(id: string, viewer: Viewer): Promise<ProposalDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.load(manager, id, true);
      if (!row.answeredAt)
        throw DomainError.conflict('Aucune réponse à publier.').inEnglish('No answer to publish.');
      refuseAnswerWhileHidden(row);
      await manager.query(
        `UPDATE proposals SET state_published_at = coalesce(state_published_at, now()), updated_at = now() WHERE id = $1`,
        [id],
      );
      const spaceId = await this.spaceIdOf(manager, row.componentId);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'publish_answer',
        resourceType: 'proposal',
        resourceId: id,
        spaceId,
        visibility: 'PUBLIC',
        summary: `Réponse publiée : ${STATE_LABEL[row.state] ?? row.state}`,
      });
      await this.events.record(
        manager,
        'proposal.answered',
        { proposalId: id, spaceId, title: row.title, state: row.state },
        viewer.user.id,
      );
    });
    this.events.committed();
    return this.byId(id, viewer);
  }

  /** Settings and the caller's standing in a PROPOSALS component. @throws NOT_FOUND; BAD_USER_INPUT */
  async componentStatus(
    componentId: string,
    viewer: Viewer | null,
  ): Promise<ProposalComponentStatusDto> {
    const component = await this.visibleProposalsComponent(componentId, viewer);
    const settings = proposalSettingsOf(component.settings);
    let given = 0;
    if (viewer) {
      const [{ n }] = await this.dataSource.query(
        `SELECT count(*) AS n FROM proposal_supports WHERE component_id = $1 AND user_id = $2`,
        [componentId, viewer.user.id],
      );
      given = Number(n);
    }
    return {
      componentId,
      settings: this.settingsDto(settings),
      viewerSupportsGiven: given,
      viewerSupportsRemaining:
        settings.supportLimit > 0 ? Math.max(0, settings.supportLimit - given) : null,
      viewerCanModerate: await this.canModerate(viewer, component.spaceId),
    };
  }

  /** Changes a PROPOSALS component's settings. Access: space admins. @throws NOT_FOUND; BAD_USER_INPUT not a PROPOSALS component */
  async updateSettings(
    componentId: string,
    input: ProposalSettingsInput,
    viewer: Viewer,
  ): Promise<ProposalSettingsDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const component = await manager.findOne(ComponentEntity, {
        where: { id: componentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!component)
        throw DomainError.notFound('Fonctionnalité', { id: componentId }).inEnglish(
          'Feature not found.',
        );
      if (component.type !== ComponentType.PROPOSALS)
        throw DomainError.badInput(
          'Cette fonctionnalité ne contient pas de propositions.',
        ).inEnglish('This feature does not contain proposals.');
      const changes = Object.fromEntries(
        Object.entries(input).filter(([, v]) => v !== undefined && v !== null),
      );
      const settings = {
        ...proposalSettingsOf(component.settings),
        ...changes,
      } as ProposalSettings;
      await manager.update(
        ComponentEntity,
        { id: componentId },
        { settings: { ...component.settings, ...settings } },
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'update_settings',
        resourceType: 'component',
        resourceId: componentId,
        spaceId: component.spaceId,
        summary: `Paramètres des propositions modifiés : ${Object.keys(changes).join(', ')}`.slice(
          0,
          200,
        ),
      });
      return this.settingsDto(settings);
    });
  }

  /** Supporters of a proposal, oldest first (hidden when supports are hidden, except for moderators). */
  async supporters(id: string, viewer: Viewer | null): Promise<SupporterDto[]> {
    const proposal = await this.byId(id, viewer);
    const component = await this.spaces.component(proposal.componentId, viewer);
    if (
      proposalSettingsOf(component.settings).supportsState === SupportsState.HIDDEN &&
      !(await this.canModerate(viewer, component.spaceId))
    )
      return [];
    const rows: { user_id: string; name: string; created_at: Date; counted: boolean }[] =
      await this.dataSource.query(
        `SELECT s.user_id, u.name, s.created_at, s.counted FROM proposal_supports s JOIN users u ON u.id = s.user_id WHERE s.proposal_id = $1 ORDER BY s.created_at, s.id`,
        [id],
      );
    return rows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      supportedAt: r.created_at,
      counted: r.counted,
    }));
  }

  /** Whether the viewer moderates the space (organization admin, space admin or moderator). */
  async canModerate(viewer: Viewer | null, spaceId: string): Promise<boolean> {
    if (!viewer) return false;
    return (
      viewer.user.isAdmin ||
      this.access.hasRole(viewer.user.id, spaceId, [SpaceRole.ADMIN, SpaceRole.MODERATOR])
    );
  }

  /** The visible PROPOSALS component with its settings. @throws NOT_FOUND; BAD_USER_INPUT other type */
  async visibleProposalsComponent(
    componentId: string,
    viewer: Viewer | null,
  ): Promise<{ id: string; spaceId: string; settings: Record<string, unknown> }> {
    const component = await this.spaces.component(componentId, viewer);
    if (component.type !== ComponentType.PROPOSALS)
      throw DomainError.badInput('Cette fonctionnalité ne contient pas de propositions.', {
        field: 'componentId',
      }).inEnglish('This feature does not contain proposals.');
    return component;
  }

  /**
   * The space holding a component, for the action log's space column.
   * @param manager the caller's transaction; @param componentId component id
   * @returns the space id (a component always has one)
   */
  async spaceIdOf(manager: EntityManager, componentId: string): Promise<string> {
    return (await manager.query(`SELECT space_id FROM components WHERE id = $1`, [componentId]))[0]
      .space_id;
  }

  /** Loads a proposal row (optionally locking it). @throws NOT_FOUND */
  async load(manager: EntityManager, id: string, lock = false): Promise<ProposalRow> {
    if (!/^[0-9a-f-]{36}$/i.test(id))
      throw DomainError.badInput('Identifiant invalide.', { field: 'id' }).inEnglish(
        'Invalid identifier.',
      );
    const rows: ProposalRow[] = await manager.query(
      `${SELECT_PROPOSAL} WHERE p.id = $1 ${lock ? 'FOR UPDATE OF p' : ''}`,
      [id],
    );
    if (!rows.length)
      throw DomainError.notFound('Proposition', { id }).inEnglish('Proposal not found.');
    return rows[0];
  }

  /** Maps rows to DTOs with the viewer's flags (3 queries for the whole page). */
  async present(
    rows: ProposalRow[],
    viewer: Viewer | null,
    settings: ProposalSettings,
    moderator: boolean,
  ): Promise<ProposalDto[]> {
    const ids = rows.map((r) => r.id);
    const flags = {
      supports: new Set<string>(),
      disagreements: new Set<string>(),
      follows: new Set<string>(),
      reports: new Set<string>(),
      supported: new Set<string>(),
    };
    if (ids.length) {
      const [supported] = await Promise.all([
        this.dataSource.query(
          `SELECT DISTINCT proposal_id FROM proposal_supports WHERE proposal_id = ANY($1::uuid[])`,
          [ids],
        ),
      ]);
      for (const r of supported as { proposal_id: string }[]) flags.supported.add(r.proposal_id);
    }
    if (viewer && ids.length) {
      const [supports, disagreements, follows, reports] = await Promise.all([
        this.dataSource.query(
          `SELECT proposal_id FROM proposal_supports WHERE user_id = $1 AND proposal_id = ANY($2::uuid[])`,
          [viewer.user.id, ids],
        ),
        settings.disagreementsEnabled
          ? this.dataSource.query(
              `SELECT proposal_id FROM proposal_disagreements WHERE user_id = $1 AND proposal_id = ANY($2::uuid[])`,
              [viewer.user.id, ids],
            )
          : Promise.resolve([]),
        this.follows.followedAmong(viewer.user.id, 'PROPOSAL', ids),
        this.moderation.reportedAmong(viewer.user.id, 'PROPOSAL', ids),
      ]);
      for (const r of supports as { proposal_id: string }[]) flags.supports.add(r.proposal_id);
      for (const r of disagreements as { proposal_id: string }[])
        flags.disagreements.add(r.proposal_id);
      flags.follows = follows;
      flags.reports = reports;
    }
    return rows.map((r) =>
      this.toDto(r, viewer, settings, moderator, {
        viewerSupports: flags.supports.has(r.id),
        viewerDisagrees: flags.disagreements.has(r.id),
        viewerFollows: flags.follows.has(r.id),
        viewerReported: flags.reports.has(r.id),
        supported: flags.supported.has(r.id),
      }),
    );
  }

  /**
   * A proposal for a support or its withdrawal, read once before the write, with everything
   * its response needs that the write does not return, in three SQL round trips of which two
   * run side by side: the row with the viewer's support and « pas d'accord » flags, then the component's settings
   * and the viewer's moderation right (one query, participatory-space service) beside the
   * viewer's report (and follow, when asked) flags.
   * @param id proposal id; @param viewer the caller; @param withFollow also read whether the viewer follows it
   * @throws BAD_USER_INPUT malformed id; NOT_FOUND unknown, in a hidden component, or hidden by moderation (except for moderators)
   */
  async supportTarget(id: string, viewer: Viewer, withFollow: boolean): Promise<SupportTarget> {
    if (!/^[0-9a-f-]{36}$/i.test(id))
      throw DomainError.badInput('Identifiant invalide.', { field: 'id' }).inEnglish(
        'Invalid identifier.',
      );
    const rows: (ProposalRow & {
      viewerSupports: boolean;
      viewerDisagrees: boolean;
      supported: boolean;
    })[] = await this.dataSource.query(
      `${SELECT_PROPOSAL.replace(
        'FROM proposals p',
        `, EXISTS (SELECT 1 FROM proposal_supports s WHERE s.proposal_id = p.id AND s.user_id = $2) AS "viewerSupports",
           EXISTS (SELECT 1 FROM proposal_disagreements d WHERE d.proposal_id = p.id AND d.user_id = $2) AS "viewerDisagrees",
           EXISTS (SELECT 1 FROM proposal_supports s WHERE s.proposal_id = p.id) AS supported
         FROM proposals p`,
      )} WHERE p.id = $1`,
      [id, viewer.user.id],
    );
    if (!rows.length)
      throw DomainError.notFound('Proposition', { id }).inEnglish('Proposal not found.');
    const row = rows[0];
    const [{ component, privileged }, reports, follows] = await Promise.all([
      this.spaces.componentWithAccess(row.componentId, viewer),
      this.moderation.reportedAmong(viewer.user.id, 'PROPOSAL', [id]),
      withFollow
        ? this.follows.followedAmong(viewer.user.id, 'PROPOSAL', [id])
        : Promise.resolve(null),
    ]);
    if (component.type !== ComponentType.PROPOSALS)
      throw DomainError.badInput('Cette fonctionnalité ne contient pas de propositions.', {
        field: 'componentId',
      }).inEnglish('This feature does not contain proposals.');
    if (row.hiddenAt && !privileged)
      throw DomainError.notFound('Proposition', { id }).inEnglish('Proposal not found.');
    return {
      row,
      spaceId: component.spaceId,
      settings: proposalSettingsOf(component.settings),
      moderator: privileged,
      viewerSupports: row.viewerSupports,
      viewerDisagrees: row.viewerDisagrees,
      supported: row.supported,
      viewerReported: reports.has(id),
      viewerFollows: follows ? follows.has(id) : null,
    };
  }

  /**
   * The DTO of a row with the viewer's flags (see {@link present}, which reads the flags for a page).
   * @param flags whether the viewer supports, disagrees with (« pas d'accord »), follows, reported it, and whether anyone supports it
   */
  toDto(
    r: ProposalRow,
    viewer: Viewer | null,
    settings: ProposalSettings,
    moderator: boolean,
    flags: {
      viewerSupports: boolean;
      viewerDisagrees: boolean;
      viewerFollows: boolean;
      viewerReported: boolean;
      supported: boolean;
    },
  ): ProposalDto {
    const published = r.statePublishedAt !== null;
    const visibleState: ProposalState = r.withdrawnAt
      ? 'WITHDRAWN'
      : published
        ? (r.state as ProposalState)
        : 'NOT_ANSWERED';
    return {
      id: r.id,
      componentId: r.componentId,
      reference: r.reference,
      title: r.title,
      body: r.body,
      state: visibleState,
      internalState: moderator ? (r.state as ProposalState) : null,
      answer: published || moderator ? r.answer : null,
      answeredAt: published || moderator ? r.answeredAt : null,
      answerPublished: published,
      official: r.official,
      author: r.authorId && r.authorName ? { id: r.authorId, name: r.authorName } : null,
      supportsCount:
        settings.supportsState === SupportsState.HIDDEN && !moderator ? null : r.supportsCount,
      disagreementsCount:
        settings.disagreementsEnabled &&
        (settings.supportsState !== SupportsState.HIDDEN || moderator)
          ? r.disagreementsCount
          : null,
      commentsCount: r.commentsCount,
      followsCount: r.followsCount,
      threshold: settings.threshold,
      publishedAt: r.publishedAt,
      withdrawnAt: r.withdrawnAt,
      hidden: r.hiddenAt !== null,
      viewerSupports: flags.viewerSupports,
      viewerReaction: flags.viewerSupports ? 'SUPPORT' : flags.viewerDisagrees ? 'DISAGREE' : null,
      viewerFollows: flags.viewerFollows,
      viewerReported: flags.viewerReported,
      viewerCanEdit:
        !!viewer &&
        r.authorId === viewer.user.id &&
        !r.withdrawnAt &&
        !published &&
        !flags.supported,
      origin:
        r.originType && r.originId && r.originTitle && r.originLink
          ? { type: r.originType, id: r.originId, title: r.originTitle, link: r.originLink }
          : null,
    };
  }

  /**
   * A member's published proposals that the viewer can see (not hidden, not withdrawn, in a
   * published space and component, or one where the viewer is admin or moderator), newest first.
   * For the member's public profile page (ProfileService).
   * @param authorId the member
   * @param viewerId the caller, or null when anonymous
   * @param first at most this many (1–50)
   */
  async publishedBy(
    authorId: string,
    viewerId: string | null,
    first: number,
  ): Promise<
    { id: string; title: string; componentId: string; spaceSlug: string; publishedAt: Date }[]
  > {
    return this.dataSource.query(
      `SELECT p.id, p.title, p.component_id AS "componentId", s.slug AS "spaceSlug", p.published_at AS "publishedAt"
         FROM proposals p JOIN components c ON c.id = p.component_id JOIN participatory_spaces s ON s.id = c.space_id
        WHERE p.author_id = $1 AND p.hidden_at IS NULL AND p.withdrawn_at IS NULL AND ${visibleToUserSql('c.space_id', '$2', 'c.id')}
        ORDER BY p.published_at DESC, p.id LIMIT $3`,
      [authorId, viewerId, Math.min(Math.max(first, 1), 50)],
    );
  }

  private settingsDto(s: ProposalSettings): ProposalSettingsDto {
    return {
      supportsState: s.supportsState,
      supportLimit: s.supportLimit,
      minimumSupportsPerUser: s.minimumSupportsPerUser,
      threshold: s.threshold,
      canAccumulateSupportsBeyondThreshold: s.canAccumulateSupportsBeyondThreshold,
      creationEnabled: s.creationEnabled,
      disagreementsEnabled: s.disagreementsEnabled,
      hideThreshold: s.hideThreshold,
      commentsEnabled: s.commentsEnabled,
    };
  }

  private checkedBody(body: string): string {
    const html = sanitizeRichText(body);
    const text = richTextToPlain(html);
    if (!hasVisibleText(text))
      throw DomainError.badInput('body: le texte est vide', { field: 'body' }).inEnglish(
        'The text is empty.',
      );
    if (text.length > ProposalLimits.bodyMax)
      throw DomainError.badInput('body: 3 000 caractères au plus', { field: 'body' }).inEnglish(
        'At most 3,000 characters.',
      );
    return html;
  }
}
