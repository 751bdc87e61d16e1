import { SpaceRole, SpaceType } from '@concerto/domain';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationAdmin, Public, SpaceRoles } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import {
  AssemblyMemberDto,
  ComponentDto,
  ParticipatorySpaceDto,
  SpacePhaseDto,
  SpaceRoleAssignmentDto,
} from './dtos/participatory-space.dto';
import {
  AddAssemblyMemberInput,
  AssignSpaceRoleInput,
  CreateComponentInput,
  CreatePhaseInput,
  CreateSpaceInput,
  PhaseInput,
  UpdateComponentInput,
  UpdateSpaceInput,
} from './dtos/participatory-space.inputs';
import { ParticipatorySpaceService } from './participatory-space.service';

const ADMINS = [SpaceRole.ADMIN];

@Resolver(() => ParticipatorySpaceDto)
export class ParticipatorySpaceResolver {
  constructor(private readonly spaceService: ParticipatorySpaceService) {}

  /** Published spaces (plus unpublished ones the caller administers), oldest first. Access: anyone. */
  @Public()
  @Query(() => [ParticipatorySpaceDto], {
    description:
      'Spaces, optionally of one type. Access: anyone (unpublished ones only for their admins).',
  })
  spaces(
    @Args('type', { type: () => SpaceType, nullable: true }) type: SpaceType | undefined,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ParticipatorySpaceDto[]> {
    return this.spaceService.list(type ?? undefined, viewer);
  }

  /** One space by its slug. Access: anyone. Errors: NOT_FOUND (unknown or unpublished slug). */
  @Public()
  @Query(() => ParticipatorySpaceDto, {
    description: 'One space by slug. Access: anyone. Errors: NOT_FOUND.',
  })
  space(
    @Args('slug') slug: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ParticipatorySpaceDto> {
    return this.spaceService.bySlug(slug, viewer);
  }

  /** One component. Access: anyone. Errors: NOT_FOUND. */
  @Public()
  @Query(() => ComponentDto, { description: 'One component. Access: anyone. Errors: NOT_FOUND.' })
  component(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ComponentDto> {
    return this.spaceService.component(id, viewer);
  }

  /** Role assignments of a space. Access: the space's admins, organization admins. Errors: NOT_FOUND, FORBIDDEN. */
  @SpaceRoles(ADMINS, (a) => ({ spaceId: a.spaceId }))
  @Query(() => [SpaceRoleAssignmentDto], {
    description: 'Roles in a space. Access: space admins. Errors: NOT_FOUND, FORBIDDEN.',
  })
  spaceRoles(
    @Args('spaceId', { type: () => ID }) spaceId: string,
  ): Promise<SpaceRoleAssignmentDto[]> {
    return this.spaceService.roles(spaceId);
  }

  /** Members of an assembly (current; former ones with `includeFormer`). Access: anyone. Errors: NOT_FOUND. */
  @Public()
  @Query(() => [AssemblyMemberDto], { description: 'Members of an assembly. Access: anyone.' })
  assemblyMembers(
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('includeFormer', { nullable: true, defaultValue: false }) includeFormer: boolean,
  ): Promise<AssemblyMemberDto[]> {
    return this.spaceService.members(spaceId, includeFormer);
  }

  /** Creates a space. Access: organization admins. Errors: BAD_USER_INPUT, CONFLICT (slug taken), FORBIDDEN. */
  @OrganizationAdmin()
  @Mutation(() => ParticipatorySpaceDto, {
    description: 'Create a space. Access: organization admins. Errors: BAD_USER_INPUT, CONFLICT.',
  })
  createSpace(
    @Args('input') input: CreateSpaceInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ParticipatorySpaceDto> {
    return this.spaceService.createSpace(input, viewer);
  }

  /** Edits, publishes or unpublishes a space. Access: space admins. Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT, FORBIDDEN. */
  @SpaceRoles(ADMINS, (a) => ({ spaceId: a.id }))
  @Mutation(() => ParticipatorySpaceDto, {
    description: 'Edit a space. Access: space admins. Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT.',
  })
  updateSpace(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateSpaceInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ParticipatorySpaceDto> {
    return this.spaceService.updateSpace(id, input, viewer);
  }

  /** Deletes a space and everything in it. Access: organization admins. Errors: NOT_FOUND, FORBIDDEN. */
  @OrganizationAdmin()
  @Mutation(() => Boolean, {
    description: 'Delete a space. Access: organization admins. Errors: NOT_FOUND.',
  })
  deleteSpace(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    return this.spaceService.deleteSpace(id, viewer);
  }

  /** Appends a phase to a Concertation. Access: space admins. Errors: BAD_USER_INPUT, NOT_FOUND, FORBIDDEN. */
  @SpaceRoles(ADMINS, (a) => ({ spaceId: a.input?.spaceId }))
  @Mutation(() => SpacePhaseDto, {
    description: 'Add a phase. Access: space admins. Errors: BAD_USER_INPUT, NOT_FOUND.',
  })
  createPhase(
    @Args('input') input: CreatePhaseInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SpacePhaseDto> {
    return this.spaceService.createPhase(input, viewer);
  }

  /** Edits a phase. Access: space admins. Errors: BAD_USER_INPUT, NOT_FOUND, FORBIDDEN. */
  @SpaceRoles(ADMINS, (a) => ({ phaseId: a.id }))
  @Mutation(() => SpacePhaseDto, {
    description: 'Edit a phase. Access: space admins. Errors: BAD_USER_INPUT, NOT_FOUND.',
  })
  updatePhase(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: PhaseInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SpacePhaseDto> {
    return this.spaceService.updatePhase(id, input, viewer);
  }

  /** Deletes a phase. Access: space admins. Errors: NOT_FOUND, FORBIDDEN. */
  @SpaceRoles(ADMINS, (a) => ({ phaseId: a.id }))
  @Mutation(() => Boolean, {
    description: 'Delete a phase. Access: space admins. Errors: NOT_FOUND.',
  })
  deletePhase(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    return this.spaceService.deletePhase(id, viewer);
  }

  /** Makes a phase the active one; returns all phases of the space. Access: space admins. Errors: NOT_FOUND, FORBIDDEN. */
  @SpaceRoles(ADMINS, (a) => ({ phaseId: a.id }))
  @Mutation(() => [SpacePhaseDto], {
    description:
      'Activate a phase (deactivates the others). Access: space admins. Errors: NOT_FOUND.',
  })
  activatePhase(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SpacePhaseDto[]> {
    return this.spaceService.activatePhase(id, viewer);
  }

  /** Reorders the phases of a space. Access: space admins. Errors: BAD_USER_INPUT, NOT_FOUND, FORBIDDEN. */
  @SpaceRoles(ADMINS, (a) => ({ spaceId: a.spaceId }))
  @Mutation(() => [SpacePhaseDto], {
    description: 'Reorder phases. Access: space admins. Errors: BAD_USER_INPUT, NOT_FOUND.',
  })
  reorderPhases(
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('phaseIds', { type: () => [ID] }) phaseIds: string[],
    @CurrentViewer() viewer: Viewer,
  ): Promise<SpacePhaseDto[]> {
    return this.spaceService.reorderPhases(spaceId, phaseIds, viewer);
  }

  /** Adds a component to a space. Access: space admins. Errors: BAD_USER_INPUT, NOT_FOUND, FORBIDDEN. */
  @SpaceRoles(ADMINS, (a) => ({ spaceId: a.input?.spaceId }))
  @Mutation(() => ComponentDto, {
    description: 'Add a component. Access: space admins. Errors: BAD_USER_INPUT, NOT_FOUND.',
  })
  createComponent(
    @Args('input') input: CreateComponentInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ComponentDto> {
    return this.spaceService.createComponent(input, viewer);
  }

  /** Edits, publishes or unpublishes a component. Access: space admins. Errors: BAD_USER_INPUT, NOT_FOUND, FORBIDDEN. */
  @SpaceRoles(ADMINS, (a) => ({ componentId: a.id }))
  @Mutation(() => ComponentDto, {
    description: 'Edit a component. Access: space admins. Errors: BAD_USER_INPUT, NOT_FOUND.',
  })
  updateComponent(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateComponentInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ComponentDto> {
    return this.spaceService.updateComponent(id, input, viewer);
  }

  /** Deletes a component. Access: space admins. Errors: NOT_FOUND, FORBIDDEN. */
  @SpaceRoles(ADMINS, (a) => ({ componentId: a.id }))
  @Mutation(() => Boolean, {
    description: 'Delete a component. Access: space admins. Errors: NOT_FOUND.',
  })
  deleteComponent(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    return this.spaceService.deleteComponent(id, viewer);
  }

  /** Gives a user a role in a space. Access: space admins. Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT, FORBIDDEN. */
  @SpaceRoles(ADMINS, (a) => ({ spaceId: a.input?.spaceId }))
  @Mutation(() => SpaceRoleAssignmentDto, {
    description:
      'Assign a space role by e-mail. Access: space admins. Errors: NOT_FOUND, CONFLICT.',
  })
  assignSpaceRole(
    @Args('input') input: AssignSpaceRoleInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SpaceRoleAssignmentDto> {
    return this.spaceService.assignRole(input, viewer);
  }

  /** Removes a role assignment. Access: space admins. Errors: NOT_FOUND, FORBIDDEN. */
  @SpaceRoles(ADMINS, (a) => ({ spaceRoleId: a.id }))
  @Mutation(() => Boolean, {
    description: 'Revoke a space role. Access: space admins. Errors: NOT_FOUND.',
  })
  revokeSpaceRole(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    return this.spaceService.revokeRole(id, viewer);
  }

  /** Adds a registered user to an assembly. Access: space admins. Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT, FORBIDDEN. */
  @SpaceRoles(ADMINS, (a) => ({ spaceId: a.input?.spaceId }))
  @Mutation(() => AssemblyMemberDto, {
    description:
      'Add an assembly member by e-mail. Access: space admins. Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT.',
  })
  addAssemblyMember(
    @Args('input') input: AddAssemblyMemberInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AssemblyMemberDto> {
    return this.spaceService.addMember(input, viewer);
  }

  /** Ends a membership (past votes are kept). Access: space admins. Errors: NOT_FOUND, CONFLICT, FORBIDDEN. */
  @SpaceRoles(ADMINS, (a) => ({ assemblyMemberId: a.id }))
  @Mutation(() => Boolean, {
    description: 'Remove an assembly member. Access: space admins. Errors: NOT_FOUND, CONFLICT.',
  })
  removeAssemblyMember(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    return this.spaceService.removeMember(id, viewer);
  }
}
