import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** One column of an open-data CSV file, described in the archive's README. */
export interface OpenDataColumn {
  name: string;
  description: string;
}

/**
 * One CSV file of the public open-data archive (`/open-data.zip`): public content only (published
 * spaces and components, nothing hidden, withdrawn, deleted or in draft), authors by the name
 * shown publicly (a deleted account reads « Participant supprimé »), never an e-mail.
 */
export interface OpenDataset {
  /** File stem (`<name>.csv`). */
  name: string;
  /** One line for the README. */
  description: string;
  columns: readonly OpenDataColumn[];
  /**
   * The rows, in batches, streamed from the database (keyset pages, see {@link keysetBatches}):
   * each row an object keyed by the column names. Runs in the archive's read-only transaction.
   */
  batches(manager: EntityManager): AsyncIterable<Record<string, unknown>[]>;
}

/**
 * A module's part of the open-data archive: the datasets of its own tables. Registered by each
 * module (a provider marked {@link OpenDataProviderAdapter}); the `open-data` module discovers
 * them. `order` sorts the archive's files (lower first).
 */
export interface OpenDataProvider {
  readonly order: number;
  readonly datasets: readonly OpenDataset[];
}

export const OPEN_DATA_PROVIDER = 'concerto:open-data-provider';

/** Marks a provider as an {@link OpenDataProvider}. */
export const OpenDataProviderAdapter = () => SetMetadata(OPEN_DATA_PROVIDER, true);

/** The smallest uuid: the key before the first page. */
const FIRST_KEY = '00000000-0000-0000-0000-000000000000';

/**
 * Reads a table in keyset pages (memory stays flat however large the table): `sql` selects one
 * page — `$1` = the last `key` of the previous page, `$2` = the page size — with
 * `WHERE <key> > $1 ORDER BY <key> LIMIT $2`, and returns the uuid key as column `key`.
 * @param manager the archive's transaction
 * @param sql the page query (the module's own tables, plus read-only joins on the backbone)
 * @param pageSize rows per page
 */
export async function* keysetBatches(
  manager: EntityManager,
  sql: string,
  pageSize = 2000,
): AsyncGenerator<Record<string, unknown>[]> {
  let after = FIRST_KEY;
  for (;;) {
    const rows: Record<string, unknown>[] = await manager.query(sql, [after, pageSize]);
    if (!rows.length) return;
    yield rows;
    if (rows.length < pageSize) return;
    after = String(rows[rows.length - 1].key);
  }
}

/**
 * SQL of an author's public name from a `users` row joined as `alias` (left join): the account
 * name (a deleted account's row already reads « Participant supprimé »), and « Participant
 * supprimé » when the row is gone.
 */
export const publicAuthorSql = (alias: string) =>
  `COALESCE(CASE WHEN ${alias}.deleted_at IS NOT NULL THEN 'Participant supprimé' ELSE ${alias}.name END, 'Participant supprimé')`;

/** SQL condition: the space (alias `s`) and the component (alias `c`) are published. */
export const publicComponentSql = (space = 's', component = 'c') =>
  `${space}.published_at IS NOT NULL AND ${component}.published_at IS NOT NULL`;
