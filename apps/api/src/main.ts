import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createConcertoApp, runFirstStartSetup } from './bootstrap';
import { createRootLogger, PinoNestLogger } from './common/logging/log-options';
import { AppConfig, loadAppConfig } from './config/app-config';
import { runMigrations } from './database/data-source';
import { DatabaseServer, provideDatabase } from './database/database-server';
import { withStartLock } from './database/start-lock';
import { shutDownGracefully } from './modules/health/graceful-shutdown';

const logger = new Logger('Concerto');

/**
 * Starts Concerto: validates the configuration, provides the database (embedded PostgreSQL
 * unless DATABASE_URL is set), then — under a PostgreSQL advisory lock, so processes started
 * together on one database take turns — applies migrations (a failure stops the start),
 * creates the first admin and the demo content, and serves GraphQL, /healthz, /readyz and the
 * web app. SIGTERM/SIGINT drain the process (see `shutDownGracefully`) and stop the embedded
 * PostgreSQL; exit code 0 when the drain was clean.
 */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadAppConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  // every line through pino from the first (JSON in production); the app takes over with request ids
  Logger.overrideLogger(new PinoNestLogger(createRootLogger(config)));

  let database: DatabaseServer | null = null;
  let app: Awaited<ReturnType<typeof createConcertoApp>> | null = null;
  let stopping = false;
  let listening = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${reason}: shutting down`);
    let clean = true;
    if (app && listening) {
      clean = (await shutDownGracefully(app, config, (line) => logger.log(line))).clean;
    } else {
      await app?.close().catch(() => undefined);
    }
    await database?.embedded?.stop();
    process.exit(code === 0 && !clean ? 1 : code);
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

  const databaseUrl = database.url;
  let migrated = false;
  try {
    // one process at a time: migrations, first admin and demo content (the others wait, then find them done)
    await withStartLock(
      databaseUrl,
      async () => {
        const applied = await runMigrations(databaseUrl);
        migrated = true;
        logger.log(
          applied.length
            ? `migrations applied: ${applied.join(', ')}`
            : 'database schema up to date',
        );
        app = await createConcertoApp(config, databaseUrl);
        await runFirstStartSetup(app, config);
      },
      (line) => logger.log(line),
    );
    await app!.listen(config.PORT);
    listening = true;
    logger.log(`Concerto is running at http://localhost:${config.PORT} (GraphQL at /graphql)`);
  } catch (error) {
    if (!migrated) {
      logger.error(
        `${(error as Error).message} — Concerto will not start on a half-migrated database.`,
      );
      return shutdown('migration failed', 1);
    }
    logger.error(`start failed: ${(error as Error).stack ?? error}`);
    return shutdown('start failed', 1);
  }
}

void main();
