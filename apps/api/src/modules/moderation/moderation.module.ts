import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { ModerationResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';

/** Moderation (reports, hiding, queue): a capability of its own; reportables register a host adapter with a `reports` part. */
@Module({
  imports: [ActionLogModule],
  providers: [ModerationService, ModerationResolver],
  exports: [ModerationService],
})
export class ModerationModule {}
