import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createConcertoApp, runFirstStartSetup } from './bootstrap';
import { AppConfig, loadAppConfig } from './config/app-config';
import { runMigrations } from './database/data-source';
import { DatabaseServer, provideDatabase } from './database/database-server';

const logger = new Logger('Concerto');

/**
 * Starts Concerto: validates the configuration, provides the database (embedded PostgreSQL
 * unless DATABASE_URL is set), applies migrations (a failure stops the start), creates the
 * first admin and the demo content, then serves GraphQL, /healthz and the web app.
 * SIGINT/SIGTERM close the server and stop the embedded PostgreSQL.
 */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadAppConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }

  let database: DatabaseServer | null = null;
  let app: Awaited<ReturnType<typeof createConcertoApp>> | null = null;
  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${reason}: shutting down`);
    await app?.close().catch(() => undefined);
    await database?.embedded?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  process.on('SIGHUP', () => void shutdown('SIGHUP', 0));
  process.on('exit', () => database?.embedded?.stopSync());

  try {
    database = await provideDatabase({
      databaseUrl: config.DATABASE_URL,
      embeddedDir: config.EMBEDDED_POSTGRES_DIR,
      embeddedPort: config.EMBEDDED_POSTGRES_PORT,
      log: (line) => logger.log(line),
    });
  } catch (error) {
    logger.error(`cannot provide the database: ${(error as Error).message}`);
    return shutdown('database unavailable', 1);
  }

  try {
    const applied = await runMigrations(database.url);
    logger.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date');
  } catch (error) {
    logger.error(`${(error as Error).message} — Concerto will not start on a half-migrated database.`);
    return shutdown('migration failed', 1);
  }

  try {
    app = await createConcertoApp(config, database.url);
    await runFirstStartSetup(app, config);
    await app.listen(config.PORT);
    logger.log(`Concerto is running at http://localhost:${config.PORT} (GraphQL at /graphql)`);
  } catch (error) {
    logger.error(`start failed: ${(error as Error).stack ?? error}`);
    return shutdown('start failed', 1);
  }
}

void main();
