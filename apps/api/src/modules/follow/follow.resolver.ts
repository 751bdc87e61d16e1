import { Args, ID, Mutation, registerEnumType, Resolver } from '@nestjs/graphql';
import { Authenticated, OwnAccount } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { FollowService } from './follow.service';

/** What can be followed: every host whose adapter has a `follows` part (the start fails when a manifest declares one missing here). */
export const FollowableTypeEnum = {
  PROPOSAL: 'PROPOSAL',
  SPACE: 'SPACE',
  ARTICLE: 'ARTICLE',
  AMENDMENT: 'AMENDMENT',
  MOTION: 'MOTION',
  SURVEY: 'SURVEY',
  PETITION: 'PETITION',
  MEETING: 'MEETING',
  BALLOT: 'BALLOT',
  IDEA: 'IDEA',
  DEBATE: 'DEBATE',
  NEWS_POST: 'NEWS_POST',
} as const;
registerEnumType(FollowableTypeEnum, {
  name: 'FollowableType',
  description: 'What can be followed.',
});

@Resolver()
export class FollowResolver {
  constructor(private readonly followService: FollowService) {}

  /** Follows a resource (idempotent). Access: signed-in users. Errors: UNAUTHENTICATED, NOT_FOUND, BAD_USER_INPUT. */
  @Authenticated()
  @OwnAccount()
  @Mutation(() => Boolean, {
    description: 'Follow a resource. Access: signed-in users. Errors: UNAUTHENTICATED, NOT_FOUND.',
  })
  follow(
    @Args('followableType', { type: () => FollowableTypeEnum })
    type: keyof typeof FollowableTypeEnum,
    @Args('followableId', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    return this.followService.follow(viewer, type, id);
  }

  /** Stops following (idempotent). Access: signed-in users. Errors: UNAUTHENTICATED. */
  @Authenticated()
  @OwnAccount()
  @Mutation(() => Boolean, {
    description: 'Unfollow a resource. Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  unfollow(
    @Args('followableType', { type: () => FollowableTypeEnum })
    type: keyof typeof FollowableTypeEnum,
    @Args('followableId', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    return this.followService.unfollow(viewer, type, id);
  }
}
