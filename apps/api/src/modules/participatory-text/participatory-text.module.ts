import { ModerationModule } from '../moderation/moderation.module';
import { AmendmentStatistics } from './amendment.statistics';
import { AmendmentOpenData } from './amendment.open-data';
import { Module } from '@nestjs/common';
import { ArticleSearch } from './participatory-text.search';
import { ParticipatoryTextPersonalData } from './participatory-text.personal-data';
import { ActionLogModule } from '../action-log/action-log.module';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { ProposalModule } from '../proposal/proposal.module';
import { AmendmentService } from './amendment.service';
import {
  ParticipatoryTextResolver,
  TextArticleHistoryResolver,
} from './participatory-text.resolver';
import { ParticipatoryTextService } from './participatory-text.service';
import { AmendmentHistoryContributor, AmendmentHost, ArticleHost } from './participatory-text.host';
import { HistoryModule } from '../history/history.module';
import { AmendmentNotifications } from './amendment.notifications';
import { FollowModule } from '../follow/follow.module';

/** Participatory texts (import, publication, consolidated text) and amendments with versions. */
@Module({
  imports: [
    ParticipatorySpaceModule,
    ActionLogModule,
    ProposalModule,
    FollowModule,
    HistoryModule,
    ModerationModule,
  ],
  providers: [
    AmendmentStatistics,
    ArticleSearch,
    ParticipatoryTextResolver,
    ParticipatoryTextService,
    AmendmentService,
    ArticleHost,
    AmendmentHost,
    AmendmentHistoryContributor,
    TextArticleHistoryResolver,
    AmendmentNotifications,
    ParticipatoryTextPersonalData,
    AmendmentOpenData,
  ],
  exports: [ParticipatoryTextService],
})
export class ParticipatoryTextModule {}
