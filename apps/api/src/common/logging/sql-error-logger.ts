import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

const logger = new Logger('SQL');

/**
 * TypeORM's logger: only failed queries, written through Nest's logger — so inside a request the
 * line carries its `reqId`, inside a worker the request id of the event it handles. The query
 * text is logged, never its parameters (they hold what users typed) nor PostgreSQL's `detail`
 * (a unique violation's detail quotes the value, e.g. an e-mail). Constraint violations
 * (class 23), serialization failures and the blocked-author trigger's refusal (CB001) are how races
 * end and are answered with a domain error: debug level only.
 */
export class SqlErrorLogger implements TypeOrmLogger {
  logQueryError(
    error: string | (Error & { code?: string; constraint?: string }),
    query: string,
  ): void {
    const code = typeof error === 'string' ? undefined : error.code;
    const message = typeof error === 'string' ? error : error.message;
    const line = `query failed (${code ?? 'no code'}${typeof error !== 'string' && error.constraint ? `, ${error.constraint}` : ''}): ${message} — ${query.replace(/\s+/g, ' ').slice(0, 300)}`;
    // CB001: a blocked account's row refused by its table's trigger, answered ACCOUNT_BLOCKED
    if (code?.startsWith('23') || code === '40001' || code === '40P01' || code === 'CB001')
      logger.debug(line);
    else logger.warn(line);
  }
  // every other TypeORM message is left out: queries with their parameters, schema and migration chatter
  logQuery(): void {
    return undefined;
  }
  logQuerySlow(): void {
    return undefined;
  }
  logSchemaBuild(): void {
    return undefined;
  }
  logMigration(): void {
    return undefined;
  }
  log(): void {
    return undefined;
  }
}
