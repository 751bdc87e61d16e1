import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * What a statistics source counts in: the published components of these spaces (the statistics
 * module resolves which spaces the viewer may see; public figures = published spaces only).
 * `organisation` is true when the figures are those of the whole platform (no space chosen).
 */
export interface StatisticsScope {
  spaceIds: readonly string[];
  organisation: boolean;
}

/** One week's count: `week` is the Monday (Europe/Paris) starting it, `YYYY-MM-DD`. */
export interface WeeklyCount {
  week: string;
  count: number;
}

/** One key figure: its total and its weekly series (weeks without any item are left out). */
export interface StatisticFigure {
  /** `members`, `proposals`, `supports`, `comments`, `amendments`, `votes`, `answers`, `meetings`… */
  key: string;
  total: number;
  weekly: WeeklyCount[];
}

/**
 * A module's part of the key figures (« Chiffres clés »). Registered by the module owning the
 * tables (a provider marked {@link StatisticsSourceAdapter}); the statistics module discovers
 * them, so it never names another module's table. Counts are exact: computed in SQL on each call.
 */
export interface StatisticsSource {
  /** The figures this module contributes for the scope (published, visible, not hidden items only). */
  figures(scope: StatisticsScope): Promise<StatisticFigure[]>;
  /**
   * The accounts that took part in one space through this module (authors, supporters, voters,
   * respondents…), for the participation by typology. Ids only, never shown.
   */
  participants?(spaceId: string): Promise<string[]>;
}

export const STATISTICS_SOURCE = 'concerto:statistics-source';

/** Marks a provider as a {@link StatisticsSource}. */
export const StatisticsSourceAdapter = () => SetMetadata(STATISTICS_SOURCE, true);

/**
 * Counts the rows of `rowsSql` (a query with an `at timestamptz` column) in all and per week
 * (weeks start on Monday, Europe/Paris time), in one SQL round trip.
 * @param key the figure's key
 * @param rowsSql the counted rows, e.g. `SELECT p.created_at AS at FROM proposals p WHERE …`
 */
export async function countFigure(
  manager: EntityManager,
  key: string,
  rowsSql: string,
  params: unknown[],
): Promise<StatisticFigure> {
  const rows: { week: string; count: number }[] = await manager.query(
    `SELECT to_char(date_trunc('week', at AT TIME ZONE 'Europe/Paris'), 'YYYY-MM-DD') AS week, count(*)::int AS count
       FROM (${rowsSql}) counted GROUP BY 1 ORDER BY 1`,
    params,
  );
  return { key, total: rows.reduce((sum, r) => sum + r.count, 0), weekly: rows };
}

/**
 * SQL condition: a component is published and belongs to one of the scope's spaces.
 * @param componentId SQL expression of the component id; @param spacesParam the `uuid[]` parameter
 */
export const publishedComponentIn = (componentId: string, spacesParam: string): string =>
  `EXISTS (SELECT 1 FROM components sc WHERE sc.id = ${componentId} AND sc.published_at IS NOT NULL AND sc.space_id = ANY(${spacesParam}::uuid[]))`;
