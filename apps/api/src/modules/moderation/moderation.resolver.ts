import { SpaceRole } from '@concerto/domain';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Throttle } from '@nestjs/throttler';
import { Authenticated, SpaceReference, SpaceRoles } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { ONE_MINUTE, RateLimit } from '../../common/rate-limit/rate-limits';
import {
  ModerationQueueItemDto,
  ModerationStatusDto,
  ReportableTypeEnum,
  ReportContentInput,
} from './dtos/moderation.dto';
import { ModerationService } from './moderation.service';

const MODERATORS = [SpaceRole.ADMIN, SpaceRole.MODERATOR];
const resourceSpace = (a: Record<string, any>): SpaceReference => ({
  resource: { type: a.resourceType, id: a.resourceId },
});

@Resolver()
export class ModerationResolver {
  constructor(private readonly moderationService: ModerationService) {}

  /**
   * Reports content. Access: signed-in users; 10 a minute per user (at the default mutation
   * budget). Errors: UNAUTHENTICATED, NOT_FOUND, CONFLICT (already reported), FORBIDDEN (`reason: OWN_CONTENT`), BAD_USER_INPUT, TOO_MANY_REQUESTS.
   */
  @Authenticated()
  @Throttle({ [RateLimit.PER_MUTATION]: { limit: 10, ttl: ONE_MINUTE } })
  @Mutation(() => ModerationStatusDto, {
    description:
      'Report content of any reportable type (ReportableType). Access: signed-in users, not on their own contributions. Errors: UNAUTHENTICATED, NOT_FOUND, CONFLICT (already reported), FORBIDDEN (reason OWN_CONTENT), BAD_USER_INPUT, TOO_MANY_REQUESTS.',
  })
  reportContent(
    @Args('input') input: ReportContentInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ModerationStatusDto> {
    return this.moderationService.report(input, viewer);
  }

  /** Hides content. Access: the space's moderators and admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND. */
  @SpaceRoles(MODERATORS, resourceSpace)
  @Mutation(() => ModerationStatusDto, {
    description:
      'Hide content. Access: space moderators. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND.',
  })
  hideContent(
    @Args('resourceType', { type: () => ReportableTypeEnum })
    resourceType: keyof typeof ReportableTypeEnum,
    @Args('resourceId', { type: () => ID }) resourceId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ModerationStatusDto> {
    return this.moderationService.setVisibility(resourceType, resourceId, true, viewer);
  }

  /** Shows hidden content again. Access: the space's moderators and admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (`reason: AUTHOR_BLOCKED`: its author's account is blocked). */
  @SpaceRoles(MODERATORS, resourceSpace)
  @Mutation(() => ModerationStatusDto, {
    description:
      'Unhide content. Access: space moderators. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (AUTHOR_BLOCKED).',
  })
  unhideContent(
    @Args('resourceType', { type: () => ReportableTypeEnum })
    resourceType: keyof typeof ReportableTypeEnum,
    @Args('resourceId', { type: () => ID }) resourceId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ModerationStatusDto> {
    return this.moderationService.setVisibility(resourceType, resourceId, false, viewer);
  }

  /**
   * Dismisses the open reports of a resource and keeps it (shown again if it was hidden).
   * Access: the space's moderators and admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND,
   * CONFLICT (no open report).
   */
  @SpaceRoles(MODERATORS, resourceSpace)
  @Mutation(() => ModerationStatusDto, {
    description:
      'Dismiss the open reports of a resource and keep it (shown again if hidden). Access: space moderators. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT.',
  })
  dismissReports(
    @Args('resourceType', { type: () => ReportableTypeEnum })
    resourceType: keyof typeof ReportableTypeEnum,
    @Args('resourceId', { type: () => ID }) resourceId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ModerationStatusDto> {
    return this.moderationService.dismissReports(resourceType, resourceId, viewer);
  }

  /** Reported and unanswered items of a component. Access: the space's moderators and admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND. */
  @SpaceRoles(MODERATORS, (a) => ({ componentId: a.componentId }))
  @Query(() => [ModerationQueueItemDto], {
    description:
      'Moderation queue of a component. Access: space moderators. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND.',
  })
  moderationQueue(
    @Args('componentId', { type: () => ID }) componentId: string,
  ): Promise<ModerationQueueItemDto[]> {
    return this.moderationService.queue(componentId);
  }
}
