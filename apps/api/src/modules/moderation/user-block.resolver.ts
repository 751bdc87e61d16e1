import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationAdmin } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { BlockUserInput, UserBlockDto } from './dtos/user-block.dto';
import { UserBlockService } from './user-block.service';

@Resolver()
export class UserBlockResolver {
  constructor(private readonly blocks: UserBlockService) {}

  /**
   * Blocks an account with a reason: it cannot sign in, its sessions are closed and its
   * contributions hidden until unblocked. Access: organization admins.
   * Errors: UNAUTHENTICATED, FORBIDDEN (also `reason: SELF` or `ADMIN`), BAD_USER_INPUT
   * (`field: reason`, 10–1,000 characters), NOT_FOUND, CONFLICT (`reason: ALREADY_BLOCKED`).
   */
  @OrganizationAdmin()
  @Mutation(() => UserBlockDto, {
    description:
      'Block an account with a reason (no sign-in, sessions closed, contributions hidden). Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN (SELF, ADMIN), BAD_USER_INPUT, NOT_FOUND, CONFLICT (ALREADY_BLOCKED).',
  })
  blockUser(
    @Args('input') input: BlockUserInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<UserBlockDto> {
    return this.blocks.block(input.userId, input.reason, viewer.user.id);
  }

  /**
   * Lifts the block on an account: it may sign in again and what the block hid is shown again
   * (unless reports keep it hidden). Access: organization admins.
   * Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONFLICT (`reason: NOT_BLOCKED`).
   */
  @OrganizationAdmin()
  @Mutation(() => UserBlockDto, {
    description:
      'Unblock an account; what the block hid is shown again unless reports keep it hidden. Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONFLICT (NOT_BLOCKED).',
  })
  unblockUser(
    @Args('userId', { type: () => ID }) userId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<UserBlockDto> {
    return this.blocks.unblock(userId, viewer.user.id);
  }

  /** The blocks in force, newest first (at most 500). Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN. */
  @OrganizationAdmin()
  @Query(() => [UserBlockDto], {
    description:
      'Blocked accounts, newest first (at most 500). Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN.',
  })
  userBlocks(): Promise<UserBlockDto[]> {
    return this.blocks.inForce();
  }

  /** The block in force on an account, or null. Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT. */
  @OrganizationAdmin()
  @Query(() => UserBlockDto, {
    nullable: true,
    description:
      'The block in force on an account, or null. Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT.',
  })
  userBlock(@Args('userId', { type: () => ID }) userId: string): Promise<UserBlockDto | null> {
    return this.blocks.inForceOn(userId);
  }
}
