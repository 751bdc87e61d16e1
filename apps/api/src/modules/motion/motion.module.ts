import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { MinutesService } from './minutes.service';
import { MotionSchedulerService } from './motion-scheduler.service';
import { MotionResolver } from './motion.resolver';
import { MotionService } from './motion.service';

@Module({
  imports: [ParticipatorySpaceModule, ActionLogModule],
  providers: [MotionService, MinutesService, MotionSchedulerService, MotionResolver],
  exports: [MotionService, MotionSchedulerService],
})
export class MotionModule {}
