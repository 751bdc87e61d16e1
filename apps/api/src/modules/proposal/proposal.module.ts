import { Module } from '@nestjs/common';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { ProposalResolver } from './proposal.resolver';
import { ProposalService } from './proposal.service';

@Module({ imports: [ParticipatorySpaceModule], providers: [ProposalService, ProposalResolver], exports: [ProposalService] })
export class ProposalModule {}
