import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { ActionLogPage, ActionLogQueryService } from './action-log-query.service';
import { ActionLogConnectionDto, ActionLogFilterInput } from './dtos/action-log.dto';

@Resolver()
export class ActionLogResolver {
  constructor(private readonly query: ActionLogQueryService) {}

  /**
   * The journal of actions, newest first, keyset-paginated.
   * Access: organization admins (every line); space admins for a space they administer, given as
   * `filter.spaceId` (PUBLIC and ADMIN_ONLY lines) — checked by the service, hence `@Authenticated`.
   * Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT (first outside 1–100, bad cursor or filter).
   */
  @Authenticated()
  @Query(() => ActionLogConnectionDto, {
    description:
      'The journal of actions, newest first. Access: organization admins (all lines); space admins with filter.spaceId of a space they administer (PUBLIC and ADMIN_ONLY lines). Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT.',
  })
  actionLogs(
    @Args('filter', { type: () => ActionLogFilterInput, nullable: true })
    filter: ActionLogFilterInput, // a class (not a union) so the validation pipe sees it
    @Args('first', { type: () => Int, nullable: true, defaultValue: ActionLogPage.defaultFirst })
    first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ActionLogConnectionDto> {
    return this.query.page(filter ?? {}, first, after ?? undefined, viewer);
  }
}
