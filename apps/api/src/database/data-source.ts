import { DataSource, DataSourceOptions } from 'typeorm';
import { SqlErrorLogger } from '../common/logging/sql-error-logger';
import { entities } from './entities';
import { migrations } from './migrations';

/**
 * TypeORM options shared by the app, the migration runner and the tests.
 * Schema changes go through {@link migrations} only (`synchronize` is off).
 * @param url a `postgres://` URL
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // failed queries only, without their parameters (see SqlErrorLogger)
    logging: ['error'],
    logger: new SqlErrorLogger(),
    extra: { max: 20, application_name: 'concerto-api' },
  };
}

/**
 * Applies pending migrations, all in one transaction: a failing migration leaves the schema
 * as it was and the error names the migration.
 * @param url database URL
 * @returns the names of the migrations applied (empty when up to date)
 * @throws Error "migration <name> failed: <cause>"
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url), extra: { max: 1 } });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((m) => m.name);
  } catch (error) {
    throw new Error(
      `database migration failed, schema left unchanged: ${(error as Error).message}`,
    );
  } finally {
    await dataSource.destroy();
  }
}
