import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { ProcessLifecycle } from './process-lifecycle';
import { ReadinessService } from './readiness.service';

/** `/healthz`, `/readyz` and the process lifecycle (draining state, in-flight requests). */
@Global()
@Module({
  controllers: [HealthController],
  providers: [ProcessLifecycle, ReadinessService],
  exports: [ProcessLifecycle],
})
export class HealthModule {}
