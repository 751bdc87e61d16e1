import { PetitionOpenData } from './petition.open-data';
import { Module } from '@nestjs/common';
import { ModerationModule } from '../moderation/moderation.module';
import { viewerReportedResolver } from '../moderation/viewer-reported.resolver';
import { PetitionDto } from './dtos/petition.dto';
import { PetitionSearch } from './petition.search';
import { ActionLogModule } from '../action-log/action-log.module';
import { FollowModule } from '../follow/follow.module';
import { HistoryModule } from '../history/history.module';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { MotionModule } from '../motion/motion.module';
import { ProfileModule } from '../profile/profile.module';
import { ProposalModule } from '../proposal/proposal.module';
import { PetitionExportController } from './petition-export.controller';
import { PetitionHost } from './petition.host';
import { PetitionNotifications } from './petition.notifications';
import { PetitionPersonalData } from './petition.personal-data';
import { PetitionHistoryResolver, PetitionResolver } from './petition.resolver';
import { PetitionService } from './petition.service';

/**
 * The PETITIONS component type (manifest: petition.manifest.ts). Asks the profile module for members' typologies, and the
 * proposal and motion modules' services to create what an accepted petition becomes (its second stage).
 */
@Module({
  imports: [
    ModerationModule,
    ParticipatorySpaceModule,
    ActionLogModule,
    HistoryModule,
    FollowModule,
    ProfileModule,
    ProposalModule,
    MotionModule,
  ],
  controllers: [PetitionExportController],
  providers: [
    viewerReportedResolver(PetitionDto, 'PETITION'),
    PetitionSearch,
    PetitionService,
    PetitionResolver,
    PetitionHistoryResolver,
    PetitionHost,
    PetitionNotifications,
    PetitionPersonalData,
    PetitionOpenData,
  ],
  exports: [PetitionService],
})
export class PetitionModule {}
