import { MotionOpenData } from './motion.open-data';
import { MotionStatistics } from './motion.statistics';
import { Module } from '@nestjs/common';
import { MotionPersonalData } from './motion.personal-data';
import { ActionLogModule } from '../action-log/action-log.module';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { MinutesService } from './minutes.service';
import { MotionSchedulerService } from './motion-scheduler.service';
import { MotionHistoryResolver, MotionResolver } from './motion.resolver';
import { HistoryModule } from '../history/history.module';
import { MotionService } from './motion.service';
import { MotionHost } from './motion.host';
import { MotionNotifications } from './motion.notifications';
import { FollowModule } from '../follow/follow.module';

/** The MOTIONS component type (manifest: motion.manifest.ts). */
@Module({
  imports: [ParticipatorySpaceModule, ActionLogModule, HistoryModule, FollowModule],
  providers: [
    MotionStatistics,
    MotionOpenData,
    MotionService,
    MinutesService,
    MotionSchedulerService,
    MotionResolver,
    MotionHistoryResolver,
    MotionHost,
    MotionNotifications,
    MotionPersonalData,
  ],
  exports: [MotionService, MotionSchedulerService],
})
export class MotionModule {}
