import { Module } from '@nestjs/common';
import { ModerationModule } from '../moderation/moderation.module';
import { viewerReportedResolver } from '../moderation/viewer-reported.resolver';
import { IdeaDto } from './dtos/idea.dto';
import { ActionLogModule } from '../action-log/action-log.module';
import { HistoryModule } from '../history/history.module';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { ProfileModule } from '../profile/profile.module';
import { IdeaBoothService } from './idea-booth.service';
import { IdeaScoringService } from './idea-scoring.service';
import { IdeaHost } from './idea.host';
import { IdeaNotifications } from './idea.notifications';
import { IdeaPersonalData } from './idea.personal-data';
import { IdeaHistoryResolver, IdeaResolver } from './idea.resolver';
import { IdeaService } from './idea.service';

/** The IDEAS component type, Boîte à idées (manifest: idea.manifest.ts). */
@Module({
  imports: [
    ModerationModule,
    ParticipatorySpaceModule,
    ActionLogModule,
    HistoryModule,
    ProfileModule,
  ],
  providers: [
    viewerReportedResolver(IdeaDto, 'IDEA'),
    IdeaService,
    IdeaBoothService,
    IdeaScoringService,
    IdeaResolver,
    IdeaHistoryResolver,
    IdeaHost,
    IdeaNotifications,
    IdeaPersonalData,
  ],
  exports: [IdeaService, IdeaScoringService],
})
export class IdeaModule {}
