import { AsyncResource } from 'node:async_hooks';

/**
 * The run loop of a background queue kept in PostgreSQL (the notification dispatcher's domain
 * events, the data-export worker's requests): `kick()` starts draining the queue — calling
 * `step` until it reports nothing left — unless a drain is under way, in which case that drain
 * goes round once more when it ends, so work committed during a drain is never left waiting
 * for the next poll. One drain at a time per process; several processes share a queue safely
 * only if `step` takes its rows with `FOR UPDATE SKIP LOCKED`.
 */
export class DrainLoop {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** Drains run in the context the loop was created in, not in that of the request that kicked it (its log lines are not that request's). */
  private readonly scope = new AsyncResource('DrainLoop');

  /**
   * @param step takes and handles one unit of work (a batch, a job); resolves true when it
   *        took something (so there may be more), false when the queue was empty
   * @param onError called with an error thrown by `step`; the drain stops there and the next
   *        kick (or poll) starts again
   */
  constructor(
    private readonly step: () => Promise<boolean>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts a drain, or asks the running one to go round once more. Does nothing once stopped. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.scope
      .runInAsyncScope(() => this.drain())
      .catch((error) => this.onError(error))
      .finally(() => {
        this.running = null;
      });
  }

  /** Resolves when everything queued before the call has been handled (for tests and shutdown). */
  async idle(): Promise<void> {
    this.kick();
    while (this.running) await this.running;
  }

  /** Stops taking work and waits for the unit under way (its transaction commits or rolls back). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      while (!this.stopped && (await this.step()));
    } while (this.again && !this.stopped);
  }
}
