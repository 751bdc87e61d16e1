import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { ProfileModule } from '../profile/profile.module';
import { BallotCensus } from './ballot-census';
import { BallotExportController } from './ballot-export.controller';
import { BallotSchedulerService } from './ballot-scheduler.service';
import { BallotResolver } from './ballot.resolver';
import { BallotNotifications } from './ballot.notifications';
import { BallotService } from './ballot.service';

/** The VOTES component type: ballots (votations), census, casting, counting, published lists. */
@Module({
  imports: [ParticipatorySpaceModule, ActionLogModule, ProfileModule],
  controllers: [BallotExportController],
  providers: [BallotCensus, BallotService, BallotNotifications, BallotSchedulerService, BallotResolver],
  exports: [BallotService, BallotSchedulerService],
})
export class BallotModule {}
