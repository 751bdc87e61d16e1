import { Module } from '@nestjs/common';
import { ActionLogQueryService } from './action-log-query.service';
import { ActionLogResolver, MotionHistoryResolver, ProposalHistoryResolver, TextArticleHistoryResolver } from './action-log.resolver';
import { ActionLogService } from './action-log.service';

/** The journal of actions: writing (in the callers' transactions), the admin query, public histories. */
@Module({
  providers: [ActionLogService, ActionLogQueryService, ActionLogResolver, ProposalHistoryResolver, MotionHistoryResolver, TextArticleHistoryResolver],
  exports: [ActionLogService, ActionLogQueryService],
})
export class ActionLogModule {}
