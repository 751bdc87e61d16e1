import {
  Controller,
  Get,
  Headers,
  NotFoundException,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../../common/access/access-policy';
import { MetricsService } from './metrics.service';

/** `GET /metrics` on the public port — only without METRICS_PORT and with METRICS_TOKEN. */
@Controller()
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  /**
   * Prometheus text format. Access: callers presenting `Authorization: Bearer <METRICS_TOKEN>`
   * (401 otherwise); 404 when the metrics have their own port (METRICS_PORT) or no token is set.
   */
  @Public()
  @Get('metrics')
  async metricsText(
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (!this.metrics.onPublicPort) throw new NotFoundException();
    if (!this.metrics.authorized(authorization)) throw new UnauthorizedException();
    res.type(this.metrics.registry.contentType).send(await this.metrics.render());
  }
}
