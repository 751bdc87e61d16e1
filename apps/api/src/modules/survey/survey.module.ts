import { Module } from '@nestjs/common';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { SurveyResolver } from './survey.resolver';
import { SurveyService } from './survey.service';

@Module({ imports: [ParticipatorySpaceModule], providers: [SurveyService, SurveyResolver], exports: [SurveyService] })
export class SurveyModule {}
