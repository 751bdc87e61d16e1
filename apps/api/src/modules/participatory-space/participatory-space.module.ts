import { SpaceRole } from '@concerto/domain';
import { Module, OnModuleInit } from '@nestjs/common';
import { ParticipatorySpacePersonalData } from './participatory-space.personal-data';
import { ActionLogQueryService } from '../action-log/action-log-query.service';
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
export class ParticipatorySpaceModule implements OnModuleInit {
  constructor(
    private readonly access: SpaceAccessService,
    private readonly actionLogQuery: ActionLogQueryService,
  ) {}

  /** The journal asks space roles through this port (it cannot import this module back). */
  onModuleInit(): void {
    this.actionLogQuery.registerSpaceAdministrators({
      isSpaceAdmin: (userId, spaceId) => this.access.hasRole(userId, spaceId, [SpaceRole.ADMIN]),
    });
  }
}
