import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { writeOpenDataArchive } from './open-data-archive';
import { OpenDataProviders } from './open-data-providers';

/** Key of the advisory lock that lets one process at a time build the archive. */
const LOCK = `hashtext('concerto:open-data')`;

/** The current archive, opened: read it from `handle` (a rebuild replaces the name, not this file). */
export interface OpenDataFile {
  handle: FileHandle;
  size: number;
  builtAt: Date;
}

/**
 * The public open-data archive (`/open-data.zip`): one CSV per dataset that the modules register
 * ({@link OpenDataProviders}), built in the background into a temporary file of
 * `OPEN_DATA_DIR` then renamed over `open-data.zip` (a download always reads a complete file:
 * the previous one while a build runs). A build takes a PostgreSQL advisory lock inside one
 * read-only REPEATABLE READ transaction (one snapshot; several processes build it once), and is
 * started when the file is older than `OPEN_DATA_REFRESH_MINUTES` (checked every minute and on
 * each download) or missing (the first download waits for it).
 *
 * The file's name carries a signature of what it holds ({@link layoutSignature}: the database
 * cluster and database, and every dataset's name and columns), so an upgrade that adds a dataset or
 * a column builds a new archive at once instead of serving the old layout until it is stale, and
 * two databases sharing a folder never serve each other's data. Archives no process has refreshed
 * for two refresh periods are removed after a build.
 *
 * Content that leaves the public view (hidden by moderation, written by an account being blocked)
 * must not stay downloadable until the archive is stale: {@link markWithdrawn} makes the next
 * minute's check rebuild it whatever its age.
 */
@Injectable()
export class OpenDataService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OpenData');
  private building: Promise<boolean> | null = null;
  private timer?: NodeJS.Timeout;
  private fileName: string | null = null;
  /** Calls of {@link markWithdrawn} so far, and how many of them the last build of this process had seen. */
  private withdrawals = 0;
  private withdrawalsBuilt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly providers: OpenDataProviders,
  ) {}

  /** The archive's path (known once the application has started). */
  get path(): string {
    if (!this.fileName) throw new Error('open-data archive name not known before bootstrap');
    return join(resolve(this.config.OPEN_DATA_DIR), this.fileName);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.fileName = `open-data-${await this.layoutSignature()}.zip`;
    this.timer = setInterval(() => void this.refreshIfStale(), 60_000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.building?.catch(() => undefined);
  }

  /**
   * Opens the current archive for a download, building it first when there is none yet, and
   * starting a background rebuild when it is stale (this download gets the current one).
   */
  async open(): Promise<OpenDataFile> {
    let file = await this.tryOpen();
    if (!file) {
      await this.buildSeeingWithdrawals(false, true);
      file = await this.tryOpen();
      if (!file) throw new Error('open-data archive missing after its build');
    } else if (this.isStale(file.builtAt) || this.rebuildPending) {
      void this.refreshIfStale();
    }
    return file;
  }

  /**
   * Builds the archive now (waiting for a build under way in another process first).
   * @returns once the new file is in place
   */
  async rebuild(): Promise<void> {
    await this.single(() => this.buildSeeingWithdrawals(true, true));
  }

  /**
   * Says that public content was withdrawn (hidden by moderation, or its author's account
   * blocked): the archive is rebuilt at the next minute's check, fresh or not. Called by the
   * moderation module after its transaction committed, so that the build's snapshot sees it.
   */
  markWithdrawn(): void {
    this.withdrawals += 1;
  }

  /** Whether a withdrawal is waiting for a rebuild of the archive by this process. */
  get rebuildPending(): boolean {
    return this.withdrawals > this.withdrawalsBuilt;
  }

  /** Starts a build when the file is missing or stale, or content was withdrawn since the last build, unless this process is building already. */
  async refreshIfStale(): Promise<void> {
    try {
      const current = await stat(this.path).catch(() => null);
      const pending = this.rebuildPending;
      if (current && !this.isStale(current.mtime) && !pending) return;
      await this.single(() => this.buildSeeingWithdrawals(pending, false));
    } catch (error) {
      this.logger.error(`open-data build failed: ${(error as Error).stack ?? error}`);
    }
  }

  /**
   * 16 hex digits of SHA-256 over the cluster's system identifier, the database's name and each
   * dataset's name and column names, in the archive's order.
   */
  private async layoutSignature(): Promise<string> {
    const [db] = await this.dataSource.query(`SELECT current_database() AS name`);
    // the cluster's identity, where the role may read it (an identical fallback only merges the
    // archives of same-named databases of different clusters sharing one folder)
    const [cluster] = await this.dataSource
      .query(`SELECT system_identifier::text AS id FROM pg_control_system()`)
      .catch(() => [{ id: '' }]);
    const layout = this.providers.datasets().map((d) => [d.name, d.columns.map((c) => c.name)]);
    return createHash('sha256')
      .update(JSON.stringify([cluster.id, db.name, layout]))
      .digest('hex')
      .slice(0, 16);
  }

  /** Removes the archives of other layouts that nobody has rebuilt for two refresh periods. */
  private async removeAbandoned(): Promise<void> {
    const dir = resolve(this.config.OPEN_DATA_DIR);
    const limit = Date.now() - 2 * this.config.OPEN_DATA_REFRESH_MINUTES * 60_000;
    for (const name of await readdir(dir)) {
      if (name === this.fileName || !/^open-data(-[0-9a-f]{16})?\.zip$/.test(name)) continue;
      const s = await stat(join(dir, name)).catch(() => null);
      if (s && s.mtime.getTime() < limit) await rm(join(dir, name), { force: true });
    }
  }

  private isStale(builtAt: Date): boolean {
    return Date.now() - builtAt.getTime() > this.config.OPEN_DATA_REFRESH_MINUTES * 60_000;
  }

  private async tryOpen(): Promise<OpenDataFile | null> {
    let handle: FileHandle;
    try {
      handle = await open(this.path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const s = await handle.stat();
    return { handle, size: s.size, builtAt: s.mtime };
  }

  /** One build at a time in this process: a caller during a build waits for that one. */
  /** {@link build}, remembering which withdrawals its snapshot (taken after this call starts) includes. */
  private async buildSeeingWithdrawals(force: boolean, wait: boolean): Promise<boolean> {
    const seen = this.withdrawals;
    const built = await this.build(force, wait);
    if (built) this.withdrawalsBuilt = Math.max(this.withdrawalsBuilt, seen);
    return built;
  }

  private single(run: () => Promise<boolean>): Promise<boolean> {
    this.building ??= run().finally(() => {
      this.building = null;
    });
    return this.building;
  }

  /**
   * Builds the archive under the advisory lock.
   * @param force build even if another process has just built a fresh one
   * @param wait wait for the lock when another process holds it (else give up at once)
   * @returns true when this call wrote a new file
   */
  private async build(force: boolean, wait: boolean): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const tmp = `${this.path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      const [{ locked }] = await runner.query(
        `SELECT pg_try_advisory_xact_lock(${LOCK}) AS locked`,
      );
      if (!locked) {
        if (!wait) return false;
        await runner.query(`SELECT pg_advisory_xact_lock(${LOCK})`);
        // another process has just built it: take that one
        const current = await stat(this.path).catch(() => null);
        if (current && !force && !this.isStale(current.mtime)) return false;
      } else if (!force) {
        const current = await stat(this.path).catch(() => null);
        if (current && !this.isStale(current.mtime)) return false;
      }
      await mkdir(resolve(this.config.OPEN_DATA_DIR), { recursive: true });
      const started = Date.now();
      const builtAt = new Date();
      await writeOpenDataArchive(runner.manager, this.providers.datasets(), builtAt, tmp);
      await rename(tmp, this.path);
      this.logger.log(`open-data archive built in ${Date.now() - started} ms`);
      await this.removeAbandoned().catch((error) =>
        this.logger.warn(`old open-data archives not removed: ${String(error)}`),
      );
      return true;
    } finally {
      await rm(tmp, { force: true });
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }
}
