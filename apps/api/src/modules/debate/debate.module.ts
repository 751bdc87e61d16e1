import { DebateOpenData } from './debate.open-data';
import { Module } from '@nestjs/common';
import { ModerationModule } from '../moderation/moderation.module';
import { viewerReportedResolver } from '../moderation/viewer-reported.resolver';
import { DebateStatementDto } from './dtos/debate.dto';
import { ActionLogModule } from '../action-log/action-log.module';
import { FollowModule } from '../follow/follow.module';
import { HistoryModule } from '../history/history.module';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { DebateAnalysisQuery } from './debate-analysis.query';
import { DebateAnalysisService } from './debate-analysis.service';
import { DebateHost, DebateStatementHost } from './debate.host';
import { DebateNotifications } from './debate.notifications';
import { DebatePersonalData } from './debate.personal-data';
import { DebateHistoryResolver, DebateResolver } from './debate.resolver';
import { DebateService } from './debate.service';

/** The DEBATE component type (manifest: debate.manifest.ts). */
@Module({
  imports: [
    ModerationModule,
    ParticipatorySpaceModule,
    ActionLogModule,
    HistoryModule,
    FollowModule,
  ],
  providers: [
    viewerReportedResolver(DebateStatementDto, 'DEBATE_STATEMENT'),
    DebateService,
    DebateAnalysisService,
    DebateAnalysisQuery,
    DebateResolver,
    DebateHistoryResolver,
    DebateHost,
    DebateStatementHost,
    DebateNotifications,
    DebatePersonalData,
    DebateOpenData,
  ],
  exports: [DebateService, DebateAnalysisService],
})
export class DebateModule {}
