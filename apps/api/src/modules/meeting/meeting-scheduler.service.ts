import { MeetingLimits } from '@concerto/domain';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PeriodicTick } from '../../common/background/periodic-tick';
import { inTransaction } from '../../common/database/unit-of-work';
import { AppConfig } from '../../config/app-config';
import { DomainEventOutbox } from '../notification/domain-event-outbox';

/** How often the scheduler looks at the clock, in milliseconds. */
const TICK_MS = 60_000;

/**
 * Sends the 24-hour reminder of meetings to their registrants, exactly once: each reminder is a
 * row of `meeting_reminders` (primary key meeting, user, kind) inserted with `ON CONFLICT DO
 * NOTHING`, in the same transaction as its outbox entry. Two processes (or two ticks) racing
 * insert each pair once — the second waits on the first's uncommitted row, then skips it — and a
 * process killed before its commit left nothing, so the next tick sends it. Not started in tests
 * (NODE_ENV=test), where {@link tick} is called directly. Modelled on the motion scheduler.
 */
@Injectable()
export class MeetingSchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MeetingScheduler');
  private readonly clock = new PeriodicTick(this.logger, TICK_MS, () => this.tick());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
   * Records the reminders due now (published, not cancelled meetings starting within 24 h and not
   * started yet; REGISTERED registrations only) and one outbox event per meeting.
   * @returns the number of reminders recorded by this call
   */
  async tick(): Promise<number> {
    const sent = await inTransaction(this.dataSource, async (manager) => {
      const rows: {
        meeting_id: string;
        component_id: string;
        space_id: string;
        title: string;
        user_ids: string[];
      }[] = await manager.query(
        `WITH fresh AS (
           INSERT INTO meeting_reminders (meeting_id, user_id, kind)
           SELECT r.meeting_id, r.user_id, 'DAY_BEFORE'
             FROM meeting_registrations r JOIN meetings m ON m.id = r.meeting_id
            WHERE r.status = 'REGISTERED' AND m.published_at IS NOT NULL AND m.cancelled_at IS NULL AND m.withdrawn_at IS NULL
              AND m.starts_at > now() AND m.starts_at - ($1 || ' milliseconds')::interval <= now()
            ORDER BY r.meeting_id, r.arrival
           ON CONFLICT (meeting_id, user_id, kind) DO NOTHING RETURNING meeting_id, user_id)
         SELECT f.meeting_id, m.component_id, m.space_id, m.title, array_agg(f.user_id ORDER BY f.user_id) AS user_ids
           FROM fresh f JOIN meetings m ON m.id = f.meeting_id GROUP BY f.meeting_id, m.component_id, m.space_id, m.title`,
        [String(MeetingLimits.reminderLeadMs)],
      );
      for (const row of rows) {
        await this.events.record(
          manager,
          'meeting.registrants',
          {
            meetingId: row.meeting_id,
            componentId: row.component_id,
            spaceId: row.space_id,
            title: row.title,
            kind: 'REMINDER',
            userIds: row.user_ids,
          },
          null,
        );
      }
      return rows.reduce((n, r) => n + r.user_ids.length, 0);
    });
    if (sent) this.events.committed();
    return sent;
  }
}
