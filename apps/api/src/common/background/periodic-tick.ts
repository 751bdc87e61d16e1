import { Logger } from '@nestjs/common';

/**
 * The clock of an in-process scheduler (motions, ballots, meetings, news, surveys): calls `tick`
 * at start and then every `intervalMs`, never two at once in this process (a tick still running
 * when the next one is due is not doubled), logs a failed tick as a warning and goes on. The timer
 * does not keep the process alive, and {@link stop} waits for the tick under way so its
 * transaction ends before the connection pool closes.
 *
 * Schedulers are idempotent by construction (each event or result is one row held by a key), so
 * several processes may tick at once; this class only keeps one process from overlapping itself.
 * Not started in tests (NODE_ENV=test), where the scheduler's `tick()` is called directly.
 */
export class PeriodicTick {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;

  /**
   * @param logger where a failed tick is reported (`tick failed: …`, level warn)
   * @param intervalMs time between two ticks, in milliseconds
   * @param tick one pass of the scheduler
   */
  constructor(
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly tick: () => Promise<unknown>,
  ) {}

  /** Runs a first tick now and then one every interval. Starting twice does nothing. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.run(), this.intervalMs);
    this.timer.unref();
    this.run();
  }

  /** Stops the clock and resolves once the tick under way, if any, has finished. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.current;
  }

  private run(): void {
    if (this.current) return;
    this.current = this.tick()
      .catch((error) => this.logger.warn(`tick failed: ${String(error)}`))
      .finally(() => (this.current = null));
  }
}
