import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { migrations } from '../../database/migrations';
import { ProcessLifecycle } from './process-lifecycle';

/** Outcome of one readiness check: `ok`, `skipped` (not configured), or what failed. */
export type CheckOutcome = 'ok' | 'skipped' | string;

/** What `/readyz` answers. */
export interface Readiness {
  ready: boolean;
  /** One entry per check: database, migrations, redis, draining. */
  checks: Record<'database' | 'migrations' | 'redis' | 'draining', CheckOutcome>;
  /** Names of the checks that failed (empty when ready). */
  failed: string[];
}

/** Longest wait for one dependency's answer, in milliseconds. */
const CHECK_TIMEOUT_MS = 2000;

const withTimeout = <T>(work: Promise<T>, what: string): Promise<T> =>
  Promise.race([
    work,
    new Promise<T>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${what}: no answer within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      ).unref(),
    ),
  ]);

/**
 * Decides whether this process should receive traffic: PostgreSQL answers, every migration
 * this build knows is applied (a database restored from an older backup is not ready until a
 * start migrates it), Redis answers `PING` when `REDIS_URL` is set, and the process is not
 * draining. Each check says why it failed; nothing here writes.
 */
@Injectable()
export class ReadinessService implements OnApplicationShutdown {
  private readonly knownMigrations = migrations.map((m) => m.name);
  private redis: Redis | null = null;
  private migrationsCurrent = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly lifecycle: ProcessLifecycle,
  ) {}

  /** Runs every check (in parallel, each bounded to 2 s). */
  async check(): Promise<Readiness> {
    const outcome = (work: Promise<unknown>) =>
      work.then(
        () => 'ok',
        (error: Error) => error.message || 'failed',
      );
    const [database, migrationsOutcome, redis] = await Promise.all([
      outcome(withTimeout(this.dataSource.query('SELECT 1'), 'database')),
      outcome(withTimeout(this.checkMigrations(), 'migrations')),
      this.config.REDIS_URL
        ? outcome(withTimeout(this.pingRedis(), 'redis'))
        : Promise.resolve('skipped'),
    ]);
    const checks = {
      database,
      migrations: migrationsOutcome,
      redis,
      draining: this.lifecycle.draining ? 'draining: shutting down' : 'ok',
    };
    const failed = Object.entries(checks)
      .filter(([, value]) => value !== 'ok' && value !== 'skipped')
      .map(([name]) => name);
    return { ready: failed.length === 0, checks, failed };
  }

  /** Every migration of this build is recorded in the `migrations` table (remembered once true). */
  private async checkMigrations(): Promise<void> {
    if (this.migrationsCurrent) return;
    const rows: { name: string }[] = await this.dataSource.query(
      `SELECT name FROM migrations WHERE name = ANY($1::text[])`,
      [this.knownMigrations],
    );
    const applied = new Set(rows.map((r) => r.name));
    const missing = this.knownMigrations.filter((name) => !applied.has(name));
    if (missing.length) throw new Error(`pending: ${missing.join(', ')}`);
    this.migrationsCurrent = true;
  }

  private async pingRedis(): Promise<void> {
    this.redis ??= new Redis(this.config.REDIS_URL!, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectionName: 'concerto-readyz',
    });
    this.redis.on('error', () => undefined); // reported by the check itself
    if (this.redis.status !== 'ready') throw new Error(`redis: ${this.redis.status}`);
    const answer = await this.redis.ping();
    if (answer !== 'PONG') throw new Error(`redis: ${answer}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis?.disconnect();
    this.redis = null;
  }
}
