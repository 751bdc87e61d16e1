import { MotionLimits } from '@concerto/domain';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PeriodicTick } from '../../common/background/periodic-tick';
import { inTransaction } from '../../common/database/unit-of-work';
import { AppConfig } from '../../config/app-config';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { MotionService } from './motion.service';

/** How often the scheduler looks at the clock, in milliseconds. */
const TICK_MS = 30_000;

/**
 * A small in-process scheduler that records "opened", "closing soon" (1 h before close) and
 * "closed" events in `motion_events` (one row per motion and kind, held by its primary key, so
 * a restart catches up without duplicates), each with its outbox entry for the notifications, and
 * freezes the results of closed motions. Nothing depends on it running: statuses come from the
 * clock at read time, and results are frozen on the first read too. Not started in tests
 * (NODE_ENV=test), where {@link tick} is called directly.
 */
@Injectable()
export class MotionSchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MotionScheduler');
  private readonly clock = new PeriodicTick(this.logger, TICK_MS, () => this.tick());
  private running = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly motions: MotionService,
    private readonly config: AppConfig,
    private readonly events: DomainEventOutbox,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV !== 'test') this.clock.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.clock.stop(); // the tick under way ends before the pool closes
  }

  /**
   * Records every due event not yet recorded and freezes due results.
   * @returns the number of events recorded and results frozen by this call
   */
  async tick(): Promise<{ events: number; results: number }> {
    if (this.running) return { events: 0, results: 0 };
    this.running = true;
    try {
      // results first, so a "closed" notification can state the frozen result
      const due: { id: string }[] = await this.dataSource.query(
        `SELECT m.id FROM motions m WHERE m.closes_at <= now() AND NOT EXISTS (SELECT 1 FROM motion_results r WHERE r.motion_id = m.id)`,
      );
      let results = 0;
      for (const { id } of due) if (await this.motions.freezeResult(id)) results++;
      // each event row and its outbox entry commit together: a restart neither loses nor repeats one
      const inserted = await inTransaction(this.dataSource, async (manager) => {
        const rows: {
          motion_id: string;
          kind: 'OPENED' | 'CLOSING_SOON' | 'CLOSED';
          component_id: string;
          space_id: string;
          title: string;
        }[] = await manager.query(
          `WITH fresh AS (
             INSERT INTO motion_events (motion_id, kind)
             SELECT id, 'OPENED' FROM motions WHERE opens_at <= now()
             UNION ALL SELECT id, 'CLOSING_SOON' FROM motions WHERE opens_at <= now() AND closes_at - ($1 || ' milliseconds')::interval <= now() AND closes_at > now()
             UNION ALL SELECT id, 'CLOSED' FROM motions WHERE closes_at <= now()
             ON CONFLICT (motion_id, kind) DO NOTHING RETURNING motion_id, kind)
           SELECT f.motion_id, f.kind, m.component_id, c.space_id, m.title
             FROM fresh f JOIN motions m ON m.id = f.motion_id JOIN components c ON c.id = m.component_id`,
          [String(MotionLimits.closingSoonMs)],
        );
        for (const row of rows) {
          await this.events.record(
            manager,
            'motion.lifecycle',
            {
              motionId: row.motion_id,
              componentId: row.component_id,
              spaceId: row.space_id,
              title: row.title,
              kind: row.kind,
            },
            null,
          );
        }
        return rows.length;
      });
      if (inserted) this.events.committed();
      return { events: inserted, results };
    } finally {
      this.running = false;
    }
  }
}
