import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../common/access/access-policy';
import { CurrentViewer, GraphQLContext, Viewer } from '../../common/access/request-context';
import { ActionLogPage } from '../action-log/action-log-query.service';
import { HistoryEntryDto } from '../action-log/dtos/action-log.dto';
import { HistoryService } from './history.service';

/** Description shared by every host's `history` field. */
export const HISTORY_DESCRIPTION =
  'Public history, newest first (the resource’s PUBLIC journal lines and those of its amendments). Access: whoever reads the resource. Errors: BAD_USER_INPUT (first outside 1–50).';

@Resolver()
export class HistoryResolver {
  constructor(private readonly history: HistoryService) {}

  /**
   * The public history of any resource that takes the history capability (see `componentTypes`).
   * Access: whoever may read the resource. Errors: NOT_FOUND, BAD_USER_INPUT.
   */
  @Public()
  @Query(() => [HistoryEntryDto], {
    description:
      'Public history of a resource (type as in componentTypes.resources), newest first. Access: whoever may read it. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  resourceHistory(
    @Args('resourceType') resourceType: string,
    @Args('resourceId', { type: () => ID }) resourceId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: ActionLogPage.historyDefault })
    first: number,
    @CurrentViewer() viewer: Viewer | null,
    @Context() context: GraphQLContext,
  ): Promise<HistoryEntryDto[]> {
    return this.history.visibleHistory(context.req, resourceType, resourceId, first, viewer);
  }
}
