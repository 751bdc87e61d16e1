import { MeetingStatistics } from './meeting.statistics';
import { MeetingOpenData } from './meeting.open-data';
import { Module } from '@nestjs/common';
import { ModerationModule } from '../moderation/moderation.module';
import { viewerReportedResolver } from '../moderation/viewer-reported.resolver';
import { MeetingDto } from './dtos/meeting.dto';
import { MeetingSearch } from './meeting.search';
import { ActionLogModule } from '../action-log/action-log.module';
import { FollowModule } from '../follow/follow.module';
import { HistoryModule } from '../history/history.module';
import { MotionModule } from '../motion/motion.module';
import { ProposalModule } from '../proposal/proposal.module';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { MeetingCalendarController } from './meeting-calendar.controller';
import { MeetingCalendarFeedService } from './meeting-calendar-feed.service';
import { MeetingSchedulerService } from './meeting-scheduler.service';
import { MeetingHost } from './meeting.host';
import { MeetingNotifications } from './meeting.notifications';
import { MeetingPersonalData } from './meeting.personal-data';
import {
  MeetingAgendaItemResolver,
  MeetingCalendarFeedResolver,
  MeetingClosingReportResolver,
  MeetingHistoryResolver,
  MeetingResolver,
  MeetingSittingResolver,
} from './meeting.resolver';
import { SittingService } from './sitting.service';
import { MeetingService } from './meeting.service';

/** The MEETINGS component type (manifest: meeting.manifest.ts). */
@Module({
  imports: [
    ModerationModule,
    ParticipatorySpaceModule,
    ActionLogModule,
    HistoryModule,
    FollowModule,
    ProposalModule,
    MotionModule,
  ],
  controllers: [MeetingCalendarController],
  providers: [
    viewerReportedResolver(MeetingDto, 'MEETING'),
    MeetingStatistics,
    MeetingSearch,
    MeetingService,
    MeetingSchedulerService,
    MeetingResolver,
    MeetingHistoryResolver,
    SittingService,
    MeetingSittingResolver,
    MeetingAgendaItemResolver,
    MeetingClosingReportResolver,
    MeetingCalendarFeedService,
    MeetingCalendarFeedResolver,
    MeetingHost,
    MeetingNotifications,
    MeetingPersonalData,
    MeetingOpenData,
  ],
  exports: [MeetingService, MeetingSchedulerService],
})
export class MeetingModule {}
