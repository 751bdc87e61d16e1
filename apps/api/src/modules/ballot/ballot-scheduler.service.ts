import { BallotLimits } from '@concerto/domain';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../common/database/unit-of-work';
import { AppConfig } from '../../config/app-config';
import { BallotService, CensusRow } from './ballot.service';

const TICK_MS = 30_000;

/**
 * Freezes census sizes of opened ballots and results of closed ones, and records the "opened",
 * "closing soon" (1 h before) and "closed" events once each (`ballot_events` primary key, so a
 * restart catches up without repeating one). Nothing depends on it running: statuses come from
 * the clock at read time and results are frozen on the first read. Not started in tests
 * (NODE_ENV=test), where {@link tick} is called directly.
 */
@Injectable()
export class BallotSchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('BallotScheduler');
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ballots: BallotService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV === 'test') return;
    this.timer = setInterval(() => void this.tick().catch((error) => this.logger.warn(`tick failed: ${String(error)}`)), TICK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * One pass.
   * @returns the lifecycle events recorded (ballot id and kind) and the number of results frozen
   */
  async tick(): Promise<{ events: { ballotId: string; kind: string }[]; results: number }> {
    if (this.running) return { events: [], results: 0 };
    this.running = true;
    try {
      const opened: CensusRow[] = await this.dataSource.query(
        `SELECT id, census_kind, census_space_id, census_weighted, census_typologies FROM ballots b WHERE opens_at <= now() AND NOT EXISTS (SELECT 1 FROM ballot_census_snapshots s WHERE s.ballot_id = b.id)`,
      );
      for (const row of opened) await inTransaction(this.dataSource, (m) => this.ballots.freezeCensus(m, row));
      const due: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM ballots b WHERE closes_at <= now() AND NOT EXISTS (SELECT 1 FROM ballot_results r WHERE r.ballot_id = b.id)`,
      );
      let results = 0;
      for (const { id } of due) if (await this.ballots.freezeResult(id)) results++;
      const events: { ballot_id: string; kind: string }[] = await this.dataSource.query(
        `INSERT INTO ballot_events (ballot_id, kind)
         SELECT id, 'OPENED' FROM ballots WHERE opens_at <= now() AND closes_at > now()
         UNION ALL SELECT id, 'CLOSING_SOON' FROM ballots WHERE closes_at - ($1 || ' milliseconds')::interval <= now() AND closes_at > now()
         UNION ALL SELECT id, 'CLOSED' FROM ballots WHERE closes_at <= now()
         ON CONFLICT (ballot_id, kind) DO NOTHING RETURNING ballot_id, kind`,
        [String(BallotLimits.closingSoonMs)],
      );
      return { events: events.map((e) => ({ ballotId: e.ballot_id, kind: e.kind })), results };
    } finally {
      this.running = false;
    }
  }
}
