import { Module } from '@nestjs/common';
import { ActionLogQueryService } from './action-log-query.service';
import { ActionLogResolver } from './action-log.resolver';
import { ActionLogService } from './action-log.service';

/** The journal of actions: writing (in the callers' transactions), the admin query, the PUBLIC lines the history capability reads. */
@Module({
  providers: [ActionLogService, ActionLogQueryService, ActionLogResolver],
  exports: [ActionLogService, ActionLogQueryService],
})
export class ActionLogModule {}
