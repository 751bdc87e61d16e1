import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PeriodicTick } from '../../common/background/periodic-tick';
import { inTransaction } from '../../common/database/unit-of-work';
import { AppConfig } from '../../config/app-config';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { NewsService } from './news.service';

/** How often the scheduler looks at the clock, in milliseconds. */
const TICK_MS = 30_000;

/**
 * Announces scheduled news posts once their date has come ({@link NewsService.announceDue}):
 * each post's `announced_at` is set by the statement that records its outbox event, in one
 * transaction, so two processes (or two ticks) racing announce each post once and a process
 * killed before its commit left nothing (the next tick announces it). Readers never depend on
 * it: a post's status comes from PostgreSQL's clock at read time. Not started in tests
 * (NODE_ENV=test), where {@link tick} is called directly. Modelled on the meeting scheduler.
 */
@Injectable()
export class NewsSchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('NewsScheduler');
  private readonly clock = new PeriodicTick(this.logger, TICK_MS, () => this.tick());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly events: DomainEventOutbox,
    private readonly news: NewsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV !== 'test') this.clock.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.clock.stop(); // the tick under way ends before the pool closes
  }

  /**
   * Announces every post due now and not announced yet.
   * @returns the ids of the posts announced by this call
   */
  async tick(): Promise<string[]> {
    const ids = await inTransaction(this.dataSource, (manager) => this.news.announceDue(manager));
    if (ids.length) this.events.committed();
    return ids;
  }
}
