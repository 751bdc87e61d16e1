import { BallotOpenData } from './ballot.open-data';
import { BallotStatistics } from './ballot.statistics';
import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { FollowModule } from '../follow/follow.module';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { ProfileModule } from '../profile/profile.module';
import { BallotCensus } from './ballot-census';
import { BallotExportController } from './ballot-export.controller';
import { BallotSchedulerService } from './ballot-scheduler.service';
import { BallotResolver, CastBallotPayloadResolver } from './ballot.resolver';
import { BallotHost } from './ballot.host';
import { BallotNotifications } from './ballot.notifications';
import { BallotPersonalData } from './ballot.personal-data';
import { BallotService } from './ballot.service';

/** The VOTES component type: ballots (votations), census, casting, counting, published lists. */
@Module({
  imports: [ParticipatorySpaceModule, ActionLogModule, ProfileModule, FollowModule],
  controllers: [BallotExportController],
  providers: [
    BallotStatistics,
    BallotOpenData,
    BallotCensus,
    BallotService,
    BallotHost,
    BallotNotifications,
    BallotPersonalData,
    BallotSchedulerService,
    BallotResolver,
    CastBallotPayloadResolver,
  ],
  exports: [BallotService, BallotSchedulerService],
})
export class BallotModule {}
