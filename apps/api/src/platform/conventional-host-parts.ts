import type { EntityManager } from 'typeorm';
import type {
  CommentsAdapter,
  FollowsAdapter,
  HostedResource,
  ReportedSummary,
  ReportsAdapter,
} from './resource-host';

/**
 * The `ReportsAdapter.authoredBy` of a host table: ids of the rows whose `column` names the
 * author, read in the caller's transaction (called by the host module with its own table).
 */
export function authoredByColumn(
  table: string,
  column: string,
): (manager: EntityManager, authorId: string) => Promise<string[]> {
  return async (manager, authorId) => {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM ${table} WHERE ${column} = $1`,
      [authorId],
    );
    return rows.map((r) => r.id);
  };
}

/** What {@link conventionalHostParts} needs to know of a host's own table. */
export interface ConventionalHostTable {
  /** The host module's own table (`meetings`, `petitions`…), with `comments_count`, `follows_count` and `hidden_at`. */
  table: string;
  /** The column naming the resource's author (`author_id`, `created_by`), when it has one: blocking that account hides the resource. */
  authorColumn?: string;
  /** The column shown in the moderation queue (default `title`; cut to 200 characters). */
  titleColumn?: string;
  /** Something that runs a query outside a transaction (the module's DataSource): the queue's summaries. */
  reader: { query(sql: string, params: unknown[]): Promise<unknown> };
  /** Whether the resource takes new comments now (its component setting). */
  commentsEnabled(resource: HostedResource): boolean;
  /** Reports that hide the resource (its component setting). */
  hideThreshold(resource: HostedResource): number;
}

/**
 * The comments, follows and reports parts of a host whose table follows the platform's
 * convention — `comments_count` and `follows_count` moved in the capability's transaction,
 * `hidden_at` set once the report threshold is reached — so each such host declares its table
 * once instead of repeating the same statements. Called by the host module with its own table.
 */
export function conventionalHostParts(host: ConventionalHostTable): {
  comments: CommentsAdapter;
  follows: FollowsAdapter;
  reports: ReportsAdapter;
} {
  const { table } = host;
  const title = host.titleColumn ?? 'title';
  const moveCounter =
    (column: string) => async (manager: EntityManager, id: string, delta: number) => {
      await manager.query(`UPDATE ${table} SET ${column} = ${column} + $2 WHERE id = $1`, [
        id,
        delta,
      ]);
    };
  return {
    comments: { enabled: host.commentsEnabled, moveCount: moveCounter('comments_count') },
    follows: { moveCount: moveCounter('follows_count') },
    reports: {
      hideThreshold: host.hideThreshold,
      setHidden: async (manager, id, hidden) => {
        await manager.query(
          `UPDATE ${table} SET hidden_at = CASE WHEN $2 THEN coalesce(hidden_at, now()) END WHERE id = $1`,
          [id, hidden],
        );
      },
      ...(host.authorColumn ? { authoredBy: authoredByColumn(table, host.authorColumn) } : {}),
      summaries: async (ids) => {
        const rows = (await host.reader.query(
          `SELECT id, ${title} AS title FROM ${table} WHERE id = ANY($1::uuid[])`,
          [ids],
        )) as { id: string; title: string }[];
        return new Map<string, ReportedSummary>(
          rows.map((r) => [
            r.id,
            { title: r.title.slice(0, 200), proposalId: null, unanswered: false },
          ]),
        );
      },
    },
  };
}
