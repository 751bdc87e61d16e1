import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PeriodicTick } from '../../common/background/periodic-tick';
import { inTransaction } from '../../common/database/unit-of-work';
import { AppConfig } from '../../config/app-config';
import { DomainEventOutbox } from '../notification/domain-event-outbox';

/** How often the scheduler looks at the clock, in milliseconds. */
const TICK_MS = 60_000;
/** How long before `closesAt` the "closing" notification goes out, in milliseconds (24 h). */
export const SURVEY_CLOSING_NOTICE_MS = 24 * 3600 * 1000;

/**
 * Records when published surveys open and when they close within a day — once each
 * (`survey_events` primary key, so a restart catches up without duplicates) and with their
 * outbox entry in the same transaction, for the notifications. Whether a survey accepts
 * answers never depends on it: that is decided from the clock at read time. Not started in
 * tests (NODE_ENV=test), where {@link tick} is called directly.
 */
@Injectable()
export class SurveySchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SurveyScheduler');
  private readonly clock = new PeriodicTick(this.logger, TICK_MS, () => this.tick());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly events: DomainEventOutbox,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV !== 'test') this.clock.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.clock.stop(); // the tick under way ends before the pool closes
  }

  /** Records every due event not yet recorded. @returns how many */
  async tick(): Promise<number> {
    const count = await inTransaction(this.dataSource, async (manager) => {
      const rows: {
        survey_id: string;
        kind: 'OPENED' | 'CLOSING';
        component_id: string;
        space_id: string;
        title: string;
      }[] = await manager.query(
        `WITH published AS (
           SELECT s.* FROM surveys s JOIN components c ON c.id = s.component_id AND c.published_at IS NOT NULL
             JOIN participatory_spaces p ON p.id = c.space_id AND p.published_at IS NOT NULL),
         fresh AS (
           INSERT INTO survey_events (survey_id, kind)
           SELECT s.id, 'OPENED' FROM published s WHERE (s.opens_at IS NULL OR s.opens_at <= now()) AND (s.closes_at IS NULL OR s.closes_at > now())
           UNION ALL SELECT s.id, 'CLOSING' FROM published s WHERE s.closes_at > now() AND s.closes_at - ($1 || ' milliseconds')::interval <= now()
           ON CONFLICT (survey_id, kind) DO NOTHING RETURNING survey_id, kind)
         SELECT f.survey_id, f.kind, s.component_id, c.space_id, s.title
           FROM fresh f JOIN surveys s ON s.id = f.survey_id JOIN components c ON c.id = s.component_id`,
        [String(SURVEY_CLOSING_NOTICE_MS)],
      );
      for (const row of rows) {
        await this.events.record(
          manager,
          'survey.lifecycle',
          {
            surveyId: row.survey_id,
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
    if (count) this.events.committed();
    return count;
  }
}
