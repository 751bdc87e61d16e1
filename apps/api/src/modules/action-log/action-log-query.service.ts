import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import type { ActionLogVisibility } from './action-log.entity';
import {
  ActionLogConnectionDto,
  ActionLogDto,
  ActionLogFilterInput,
  HistoryEntryDto,
} from './dtos/action-log.dto';

/** Page size bounds of `actionLogs` and of the `history` fields. */
export const ActionLogPage = {
  defaultFirst: 20,
  maxFirst: 100,
  historyDefault: 10,
  historyMax: 50,
} as const;

/** Date ranges up to this many lines are read through the created_at index, then sorted by id. */
const NARROW_RANGE = 20_000;

interface LogRow {
  id: string;
  action: string;
  resource_type: string;
  resource_id: string | null;
  space_id: string | null;
  space_title: string | null;
  visibility: ActionLogVisibility;
  summary: string;
  created_at: Date;
  user_id: string | null;
  actor_name: string | null;
}

const encodeCursor = (id: string) => Buffer.from(`al:${id}`).toString('base64url');
const decodeCursor = (cursor: string): string => {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const match = /^al:(\d{1,19})$/.exec(decoded);
  // ids are bigint: a 19-digit number above 2^63 − 1 would fail in PostgreSQL (22003)
  if (!match || BigInt(match[1]) > 9223372036854775807n)
    throw DomainError.badInput('Curseur invalide.', { field: 'after' }).inEnglish(
      'Invalid cursor.',
    );
  return match[1];
};

/**
 * Whether a user administers a space (holds its ADMIN role). Space roles belong to the
 * participatory-space module, which records its actions in the journal: it registers this port
 * at start-up ({@link ActionLogQueryService.registerSpaceAdministrators}) instead of the journal
 * importing it back (a module cycle).
 */
export interface SpaceAdministrators {
  isSpaceAdmin(userId: string, spaceId: string): Promise<boolean>;
}

/**
 * Reads the journal of actions: the admin page (`actionLogs`) and the PUBLIC lines the history
 * capability shows. Writing stays with {@link ActionLogService}.
 */
@Injectable()
export class ActionLogQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Who administers a space (see {@link registerSpaceAdministrators}). */
  private spaceAdministrators: SpaceAdministrators | null = null;

  /**
   * Registers how to tell a space's administrators (the participatory-space module, at
   * start-up): the journal cannot import that module, which records its actions here.
   * @param port answers whether a user holds the ADMIN role in a space
   */
  registerSpaceAdministrators(port: SpaceAdministrators): void {
    this.spaceAdministrators = port;
  }

  /**
   * When an action was last logged on each of some resources (e.g. an administrator's last
   * appointment). For the owning module's own screens; callers check access themselves.
   * @param action the action-log action (`appoint_admin`)
   * @param resourceType the line's resource type (`user`)
   * @param resourceIds the resources (ids as logged)
   * @returns resource id → time of the newest such line (absent when none)
   */
  async lastActionTimes(
    action: string,
    resourceType: string,
    resourceIds: string[],
  ): Promise<Map<string, Date>> {
    if (!resourceIds.length) return new Map();
    const rows: { resource_id: string; at: Date }[] = await this.dataSource.query(
      `SELECT resource_id, max(created_at) AS at FROM action_logs WHERE action = $1 AND resource_type = $2 AND resource_id = ANY($3::text[]) GROUP BY resource_id`,
      [action, resourceType, resourceIds],
    );
    return new Map(rows.map((r) => [r.resource_id, new Date(r.at)]));
  }

  /**
   * A page of the journal, newest first, keyset-paginated on id.
   * Who: organization admins read every line; a space admin reads the PUBLIC and ADMIN_ONLY lines
   * of a space where they hold the ADMIN role and must set `filter.spaceId` (PRIVATE lines —
   * who supported what — stay with organization admins).
   * @param filter space, resource type/id, actor, action, visibility, date range [from, to)
   * @param first page size, 1–100
   * @param after the `endCursor` of the previous page
   * @throws BAD_USER_INPUT first out of range, bad cursor, from after to; FORBIDDEN not an admin of the space (or no space given by a space admin)
   */
  async page(
    filter: ActionLogFilterInput,
    first: number,
    after: string | undefined,
    viewer: Viewer,
  ): Promise<ActionLogConnectionDto> {
    if (!Number.isInteger(first) || first < 1 || first > ActionLogPage.maxFirst)
      throw DomainError.badInput('first doit être entre 1 et 100.', { field: 'first' }).inEnglish(
        'first must be between 1 and 100.',
      );
    if (filter.from && filter.to && filter.from > filter.to)
      throw DomainError.badInput('La date de début doit précéder la date de fin.', {
        field: 'from',
      }).inEnglish('The start date must come before the end date.');
    const afterId = after ? decodeCursor(after) : null;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (!viewer.user.isAdmin) {
      if (!filter.spaceId)
        throw DomainError.forbidden('Choisissez un espace que vous administrez.').inEnglish(
          'Choose a space you administer.',
        );
      if (!this.spaceAdministrators)
        throw new Error('no SpaceAdministrators registered (participatory-space module)');
      if (!(await this.spaceAdministrators.isSpaceAdmin(viewer.user.id, filter.spaceId)))
        throw DomainError.forbidden();
      where.push(`l.visibility <> 'PRIVATE'`);
    }
    if (filter.spaceId) add('l.space_id = ?', filter.spaceId);
    if (filter.resourceType) add('l.resource_type = ?', filter.resourceType);
    if (filter.resourceId) add('l.resource_id = ?', filter.resourceId);
    if (filter.userId) add('l.user_id = ?', filter.userId);
    if (filter.action) add('l.action = ?', filter.action);
    if (filter.visibility) add('l.visibility = ?', filter.visibility);
    if (filter.from) add('l.created_at >= ?', filter.from);
    if (filter.to) add('l.created_at < ?', filter.to);
    if (afterId) add('l.id < ?::bigint', afterId);
    const limitParam = params.push(first + 1);
    // A narrow date range far from the newest lines: PostgreSQL would walk the primary key down
    // from the newest line (id and created_at are correlated, the planner assumes they are not);
    // reading the range through the created_at index first and sorting it is then much cheaper.
    const source = (await this.isNarrowRange(filter))
      ? `(SELECT * FROM action_logs WHERE created_at >= $${params.push(filter.from ?? new Date(0))} AND created_at < $${params.push(filter.to ?? new Date(8.64e15))} OFFSET 0)`
      : 'action_logs';
    const rows: LogRow[] = await this.dataSource.query(
      `SELECT l.id::text AS id, l.action, l.resource_type, l.resource_id, l.space_id, s.title AS space_title, l.visibility, l.summary, l.created_at,
              l.user_id, u.name AS actor_name
         FROM ${source} l LEFT JOIN users u ON u.id = l.user_id LEFT JOIN participatory_spaces s ON s.id = l.space_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY l.id DESC LIMIT $${limitParam}`,
      params,
    );
    const hasNextPage = rows.length > first;
    const nodes = rows.slice(0, first).map(toDto);
    const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
    return {
      edges,
      nodes,
      pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    };
  }

  /** Whether a date range holds at most NARROW_RANGE lines (counted on the created_at index, stopping there). */
  private async isNarrowRange(filter: ActionLogFilterInput): Promise<boolean> {
    if (!filter.from && !filter.to) return false;
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM action_logs WHERE created_at >= $1 AND created_at < $2 LIMIT ${NARROW_RANGE + 1}) r`,
      [filter.from ?? new Date(0), filter.to ?? new Date(8.64e15)],
    );
    return n <= NARROW_RANGE;
  }

  /**
   * PUBLIC lines of groups of resources, newest first, at most `first` per group (the
   * "Historique" the history capability shows: a resource's own lines and those of its
   * amendments). One query for every group.
   * @param groups each a key and the (resource type, id) pairs whose lines it gathers
   * @param first lines per group
   * @returns key → lines
   */
  async publicLines(
    groups: { key: string; resources: { type: string; id: string }[] }[],
    first: number,
  ): Promise<Map<string, HistoryEntryDto[]>> {
    const wanted = groups.flatMap((g) => g.resources.map((r) => ({ key: g.key, ...r })));
    const byKey = new Map<string, HistoryEntryDto[]>(groups.map((g) => [g.key, []]));
    if (!wanted.length) return byKey;
    const rows: (LogRow & { key: string })[] = await this.dataSource.query(
      `WITH lines AS (
         SELECT w.key, l.id, l.action, l.resource_type, l.summary, l.created_at, l.user_id
           FROM unnest($1::text[], $2::text[], $3::text[]) AS w(key, rtype, rid)
          CROSS JOIN LATERAL (
            SELECT l.id, l.action, l.resource_type, l.summary, l.created_at, l.user_id FROM action_logs l
             WHERE l.resource_type = w.rtype AND l.resource_id = w.rid AND l.visibility = 'PUBLIC'
             ORDER BY l.id DESC LIMIT $4) l
       ), ranked AS (SELECT *, row_number() OVER (PARTITION BY key ORDER BY id DESC) AS n FROM lines)
       SELECT r.key, r.id::text AS id, r.action, r.resource_type, r.summary, r.created_at, u.name AS actor_name
         FROM ranked r LEFT JOIN users u ON u.id = r.user_id WHERE r.n <= $4 ORDER BY r.id DESC`,
      [wanted.map((w) => w.key), wanted.map((w) => w.type), wanted.map((w) => w.id), first],
    );
    for (const r of rows) {
      byKey.get(r.key)?.push({
        id: r.id,
        action: r.action,
        resourceType: r.resource_type,
        actorName: r.actor_name,
        summary: r.summary,
        createdAt: r.created_at,
      });
    }
    return byKey;
  }
}

const toDto = (r: LogRow): ActionLogDto => ({
  id: r.id,
  action: r.action,
  resourceType: r.resource_type,
  resourceId: r.resource_id,
  spaceId: r.space_id,
  spaceTitle: r.space_title,
  visibility: r.visibility,
  summary: r.summary,
  actor: r.user_id ? { id: r.user_id, name: r.actor_name ?? '' } : null,
  createdAt: r.created_at,
});
