import { DataExportRules } from '@concerto/domain';
import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DrainLoop } from '../../common/background/drain-loop';
import { inTransaction } from '../../common/database/unit-of-work';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { DataExportService } from './data-export.service';
import { buildPersonalDataArchive } from './personal-data-archive';
import { PersonalDataContributors } from './personal-data-contributors';

/**
 * Builds pending "download my data" exports in the background, like the notification
 * dispatcher: after each request, every 5 s and at start. Each export is taken with
 * `FOR UPDATE SKIP LOCKED` (several API processes never build the same one) and built inside
 * that transaction, which also marks it READY and records the `dataExport.ready` event: a
 * crash mid-way rolls everything back and the export is still PENDING at the next start.
 * Failed builds are retried up to {@link DataExportRules.maxAttempts} times, then FAILED.
 * Every minute, ready exports past their expiry lose their file (EXPIRED).
 */
@Injectable()
export class DataExportWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DataExportWorker');
  private readonly loop = new DrainLoop(
    () => this.buildNext(),
    (error) => this.logger.error(`export failed: ${(error as Error).stack ?? error}`),
  );
  private timer?: NodeJS.Timeout;
  private expiryTimer?: NodeJS.Timeout;
  private unsubscribe?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly exports: DataExportService,
    private readonly events: DomainEventOutbox,
    private readonly contributors: PersonalDataContributors,
  ) {}

  /** Starts the worker: listens for requests, polls every 5 s, expires old files every minute, and catches up at once. */
  onApplicationBootstrap(): void {
    this.unsubscribe = this.exports.onRequested(() => this.kick());
    this.timer = setInterval(() => this.kick(), 5000);
    this.timer.unref();
    this.expiryTimer = setInterval(
      () =>
        void this.exports
          .expire()
          .catch((e) => this.logger.warn(`expiry failed: ${(e as Error).message}`)),
      60_000,
    );
    this.expiryTimer.unref();
    this.kick();
  }

  /** Stops the timers and waits for the export being built (its transaction commits or rolls back). */
  async beforeApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    if (this.expiryTimer) clearInterval(this.expiryTimer);
    await this.loop.stop();
  }

  /** Starts building pending exports unless a run is under way (then it runs once more after it). */
  kick(): void {
    this.loop.kick();
  }

  /** Resolves when every export requested so far has been built or skipped (for tests and shutdown). */
  async idle(): Promise<void> {
    await this.loop.idle();
  }

  /**
   * Builds the oldest pending export not locked by another process.
   * @returns true when one was taken (built or counted as a failed attempt), false when none is waiting
   */
  async buildNext(): Promise<boolean> {
    let taken: string | null = null;
    try {
      const built = await inTransaction(this.dataSource, async (manager) => {
        const [job] = await manager.query(
          `SELECT id, user_id FROM data_exports WHERE status = 'PENDING' ORDER BY requested_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        );
        if (!job) return false;
        taken = job.id;
        const content = await buildPersonalDataArchive(
          manager,
          job.user_id,
          this.contributors.all().flatMap((c) => c.datasets),
        );
        await manager.query(
          `UPDATE data_exports SET status = 'READY', content = $2, byte_size = $3, ready_at = now(),
                  expires_at = now() + make_interval(days => $4), attempts = attempts + 1
            WHERE id = $1`,
          [job.id, content, content.length, DataExportRules.retentionDays],
        );
        // no actor: the owner is the recipient (the dispatcher never notifies an event's actor)
        await this.events.record(
          manager,
          'dataExport.ready',
          { exportId: job.id, userId: job.user_id },
          null,
        );
        return true;
      });
      if (built) this.events.committed();
      return built;
    } catch (error) {
      if (!taken) throw error;
      this.logger.warn(`export ${taken} failed: ${(error as Error).message}`);
      await this.dataSource.query(
        `UPDATE data_exports SET attempts = attempts + 1, status = CASE WHEN attempts + 1 >= $2 THEN 'FAILED' ELSE status END WHERE id = $1 AND status = 'PENDING'`,
        [taken, DataExportRules.maxAttempts],
      );
      return true;
    }
  }
}
