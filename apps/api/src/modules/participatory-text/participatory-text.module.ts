import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { ProposalModule } from '../proposal/proposal.module';
import { AmendmentService } from './amendment.service';
import { ParticipatoryTextResolver } from './participatory-text.resolver';
import { ParticipatoryTextService } from './participatory-text.service';

/** Participatory texts (import, publication, consolidated text) and amendments with versions. */
@Module({
  imports: [ParticipatorySpaceModule, ActionLogModule, ProposalModule],
  providers: [ParticipatoryTextResolver, ParticipatoryTextService, AmendmentService],
  exports: [ParticipatoryTextService],
})
export class ParticipatoryTextModule {}
