import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { DomainError } from '../errors/domain-error';

/** PostgreSQL error codes worth retrying: serialization failure and deadlock detected. */
const RETRYABLE = new Set(['40001', '40P01']);

/** The PostgreSQL error code of a failed query, if any. */
export function pgErrorCode(error: unknown): string | undefined {
  return error instanceof QueryFailedError
    ? (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code
    : undefined;
}

/** The constraint a PostgreSQL error names, if any. */
export function pgConstraint(error: unknown): string | undefined {
  return error instanceof QueryFailedError
    ? (error as QueryFailedError & { driverError?: { constraint?: string } }).driverError
        ?.constraint
    : undefined;
}

/**
 * Runs `work` in one transaction and retries it (up to `attempts` times, with a short random
 * back-off) when PostgreSQL aborts it with a deadlock or a serialization failure — the
 * transaction rolled back as a whole, so running it again is safe.
 * @throws ACCOUNT_BLOCKED when a table's trigger refused a blocked account's row (SQLSTATE CB001)
 * @param dataSource the database
 * @param work the unit of work; gets the transaction's manager
 * @param attempts total tries (default 5)
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      const code = pgErrorCode(error);
      // an authored table's trigger refused a blocked account's row (migration BlockedAuthors): a
      // domain refusal, not a fault (the error formatter maps it too, for statements run outside)
      if (code === 'CB001') throw DomainError.accountBlocked();
      if (!code || !RETRYABLE.has(code) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}

/**
 * Runs SQL and returns its rows. TypeORM's `query()` answers UPDATE and DELETE with
 * `[rows, rowCount]` instead of the rows; this unwraps it so `... RETURNING` reads the same
 * for every statement.
 */
export async function queryRows<T = Record<string, any>>(
  manager: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result = await manager.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as T[];
  return result as T[];
}
