import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../../common/access/access-policy';

/** Liveness and database reachability for load balancers and docker-compose. */
@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * `GET /healthz`: 200 `{ status: 'ok', database: 'ok', latencyMs }` when `SELECT 1` succeeds,
   * 503 `{ status: 'error', database: 'unreachable' }` otherwise. Access: anyone.
   */
  @Public()
  @Get('healthz')
  @HttpCode(200)
  async health(): Promise<{ status: string; database: string; latencyMs: number }> {
    const started = process.hrtime.bigint();
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException({ status: 'error', database: 'unreachable' });
    }
    return { status: 'ok', database: 'ok', latencyMs: Number(process.hrtime.bigint() - started) / 1e6 };
  }
}
