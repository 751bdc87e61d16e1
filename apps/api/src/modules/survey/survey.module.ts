import { SurveyStatistics } from './survey.statistics';
import { Module } from '@nestjs/common';
import { SurveyPersonalData } from './survey.personal-data';
import { ActionLogModule } from '../action-log/action-log.module';
import { ProfileModule } from '../profile/profile.module';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { SurveyAnswerService } from './survey-answer.service';
import { SurveyExportController } from './survey-export.controller';
import { SurveyExportService } from './survey-export.service';
import { SurveyResultsService } from './survey-results.service';
import { SurveyResolver } from './survey.resolver';
import { SurveyService } from './survey.service';
import { SurveySchedulerService } from './survey-scheduler.service';
import { SurveyHost, SurveySpaceLocator } from './survey.host';
import { SurveyNotifications } from './survey.notifications';
import { FollowModule } from '../follow/follow.module';

/** The SURVEY component type (manifest: survey.manifest.ts). */
@Module({
  imports: [ParticipatorySpaceModule, ActionLogModule, FollowModule, ProfileModule],
  controllers: [SurveyExportController],
  providers: [
    SurveyStatistics,
    SurveySchedulerService,
    SurveyService,
    SurveyAnswerService,
    SurveyResultsService,
    SurveyExportService,
    SurveyResolver,
    SurveyHost,
    SurveySpaceLocator,
    SurveyNotifications,
    SurveyPersonalData,
  ],
  exports: [SurveyService],
})
export class SurveyModule {}
