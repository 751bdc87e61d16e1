import { SpaceRole } from '@concerto/domain';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, SpaceRoles } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { AssemblyInvitationService } from './assembly-invitation.service';
import { AssemblyInvitationDto, InviteAssemblyMemberInput } from './dtos/assembly-invitation.dto';
import { AssemblyMemberDto } from './dtos/participatory-space.dto';

@Resolver(() => AssemblyInvitationDto)
export class AssemblyInvitationResolver {
  constructor(private readonly invitations: AssemblyInvitationService) {}

  /** Invitations of an assembly. Access: space admins. Errors: FORBIDDEN, NOT_FOUND. */
  @SpaceRoles([SpaceRole.ADMIN], (a) => ({ spaceId: a.spaceId }))
  @Query(() => [AssemblyInvitationDto], {
    description: 'Invitations of an assembly. Access: space admins. Errors: FORBIDDEN, NOT_FOUND.',
  })
  assemblyInvitations(
    @Args('spaceId', { type: () => ID }) spaceId: string,
  ): Promise<AssemblyInvitationDto[]> {
    return this.invitations.list(spaceId);
  }

  /** Invites an e-mail address to an assembly (link logged outside production). Access: space admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT. */
  @SpaceRoles([SpaceRole.ADMIN], (a) => ({ spaceId: a.input?.spaceId }))
  @Mutation(() => AssemblyInvitationDto, {
    description:
      'Invite someone to an assembly by e-mail. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT.',
  })
  inviteAssemblyMember(
    @Args('input') input: InviteAssemblyMemberInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AssemblyInvitationDto> {
    return this.invitations.invite(input, viewer);
  }

  /** Accepts an invitation with its token. Access: the signed-in invitee (same e-mail). Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT. */
  @Authenticated()
  @Mutation(() => AssemblyMemberDto, {
    description:
      'Accept an assembly invitation. Access: the signed-in invitee. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT.',
  })
  acceptAssemblyInvitation(
    @Args('token') token: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AssemblyMemberDto> {
    return this.invitations.accept(token, viewer);
  }
}
