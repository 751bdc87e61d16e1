import { ProposalStatistics } from './proposal.statistics';
import { ProposalOpenData } from './proposal.open-data';
import { Module } from '@nestjs/common';
import { ProposalSearch } from './proposal.search';
import { ProposalPersonalData } from './proposal.personal-data';
import { ActionLogModule } from '../action-log/action-log.module';
import { FollowModule } from '../follow/follow.module';
import { ModerationModule } from '../moderation/moderation.module';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { ProposalHost } from './proposal.host';
import { ProposalNotifications } from './proposal.notifications';
import {
  ProposalConnectionResolver,
  ProposalHistoryResolver,
  ProposalResolver,
} from './proposal.resolver';
import { HistoryModule } from '../history/history.module';
import { ProposalContributions } from './proposal.contributions';
import { ProposalService } from './proposal.service';
import { ProposalAmendmentsService } from './proposal-amendments.service';
import { SupportService } from './support.service';
import { ConsensusService } from './consensus.service';
import { DisagreementService } from './disagreement.service';

/** The PROPOSALS component type (manifest: proposal.manifest.ts): proposals, their supports and « pas d'accord », the CONSENSUS order; its host adapter joins comments, follows, reports and history. */
@Module({
  imports: [
    ParticipatorySpaceModule,
    ActionLogModule,
    FollowModule,
    ModerationModule,
    HistoryModule,
  ],
  providers: [
    ProposalStatistics,
    ProposalSearch,
    ProposalService,
    ProposalAmendmentsService,
    SupportService,
    DisagreementService,
    ConsensusService,
    ProposalResolver,
    ProposalConnectionResolver,
    ProposalHistoryResolver,
    ProposalHost,
    ProposalNotifications,
    ProposalPersonalData,
    ProposalContributions,
    ProposalOpenData,
  ],
  exports: [ProposalService, ProposalAmendmentsService],
})
export class ProposalModule {}
