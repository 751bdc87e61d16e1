import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { HistoryResolver } from './history.resolver';
import { HistoryService } from './history.service';

/** The history capability; hosts add a typed `history` field with {@link HistoryService} and a `history` part to their adapter. */
@Module({
  imports: [ActionLogModule, ParticipatorySpaceModule],
  providers: [HistoryService, HistoryResolver],
  exports: [HistoryService],
})
export class HistoryModule {}
