import { Module } from '@nestjs/common';
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

@Module({
  imports: [ParticipatorySpaceModule, ActionLogModule, ProfileModule],
  controllers: [SurveyExportController],
  providers: [SurveySchedulerService, SurveyService, SurveyAnswerService, SurveyResultsService, SurveyExportService, SurveyResolver],
  exports: [SurveyService],
})
export class SurveyModule {}
