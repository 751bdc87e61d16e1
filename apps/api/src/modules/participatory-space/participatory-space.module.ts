import { Module } from '@nestjs/common';
import { ParticipatorySpacePersonalData } from './participatory-space.personal-data';
import { ActionLogModule } from '../action-log/action-log.module';
import { FollowModule } from '../follow/follow.module';
import { AssemblyInvitationResolver } from './assembly-invitation.resolver';
import { AssemblyInvitationService } from './assembly-invitation.service';
import { AssemblyMembershipService } from './assembly-membership.service';
import { ParticipatorySpaceResolver } from './participatory-space.resolver';
import { ParticipatorySpaceService } from './participatory-space.service';
import { SpaceAccessService } from './space-access.service';
import { SpaceHost } from './space.host';

@Module({
  imports: [ActionLogModule, FollowModule],
  providers: [
    ParticipatorySpaceService,
    SpaceAccessService,
    ParticipatorySpaceResolver,
    AssemblyInvitationService,
    AssemblyInvitationResolver,
    AssemblyMembershipService,
    SpaceHost,
    ParticipatorySpacePersonalData,
  ],
  exports: [ParticipatorySpaceService, SpaceAccessService, AssemblyMembershipService],
})
export class ParticipatorySpaceModule {}
