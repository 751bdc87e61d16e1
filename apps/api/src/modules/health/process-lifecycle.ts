import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Where this process stands in its life — serving, or draining after SIGTERM — and how many
 * HTTP requests it is answering right now. `/readyz` reports `draining`; the graceful
 * shutdown waits for {@link ProcessLifecycle.inFlight} to reach 0.
 */
@Injectable()
export class ProcessLifecycle {
  private drainingSince: number | null = null;
  private active = 0;
  private idleWaiters: (() => void)[] = [];

  /** True once a shutdown began: the process finishes what it holds and takes nothing new. */
  get draining(): boolean {
    return this.drainingSince !== null;
  }

  /** HTTP requests received and not yet answered (WebSocket connections not included). */
  get inFlight(): number {
    return this.active;
  }

  /** Turns the process not-ready (idempotent). */
  beginDrain(): void {
    this.drainingSince ??= Date.now();
  }

  /**
   * Express middleware, installed first: counts each request until its response is finished
   * or its connection closed, and while draining asks the client to close the connection
   * after the response (`Connection: close`), so keep-alive clients go to another process.
   */
  readonly track = (_req: Request, res: Response, next: NextFunction): void => {
    this.active += 1;
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      this.active -= 1;
      if (this.active === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
    };
    res.once('finish', end);
    res.once('close', end);
    if (this.draining) res.setHeader('Connection', 'close');
    next();
  };

  /**
   * Waits until no request is in flight, at most `timeoutMs`.
   * @returns true when every request was answered, false when the time ran out
   */
  async waitForIdle(timeoutMs: number): Promise<boolean> {
    if (this.active === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<boolean>((resolve) => this.idleWaiters.push(() => resolve(true)));
    const late = new Promise<boolean>(
      (resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)),
    );
    const result = await Promise.race([idle, late]);
    clearTimeout(timer);
    return result;
  }
}
