import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../../common/access/access-policy';
import { ProcessLifecycle } from './process-lifecycle';
import { Readiness, ReadinessService } from './readiness.service';

/** Liveness and readiness probes for load balancers, orchestrators and docker compose. */
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly lifecycle: ProcessLifecycle,
  ) {}

  /**
   * `GET /healthz` — liveness: 200 `{ status: 'ok', draining }` whenever the process answers,
   * whatever its dependencies (restarting it would not bring the database back). Access: anyone.
   */
  @Public()
  @Get('healthz')
  @HttpCode(200)
  health(): { status: 'ok'; draining: boolean } {
    return { status: 'ok', draining: this.lifecycle.draining };
  }

  /**
   * `GET /readyz` — readiness: 200 `{ status: 'ready', checks }` when the database answers,
   * the migrations are current, Redis answers (when configured) and the process is not
   * draining; otherwise 503 `{ status: 'not-ready', failed: [names], checks }` where each
   * check holds `ok`, `skipped` or why it failed. Access: anyone (no personal data).
   */
  @Public()
  @Get('readyz')
  async ready(
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ status: 'ready' | 'not-ready' } & Omit<Readiness, 'ready'>> {
    const { ready, checks, failed } = await this.readiness.check();
    res.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not-ready', checks, failed };
  }
}
