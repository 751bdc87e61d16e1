import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, Public } from '../../common/access/access-policy';
import { CurrentViewer, GraphQLContext, Viewer } from '../../common/access/request-context';
import { MotionDto } from '../motion/dtos/motion.dto';
import { TextArticleDto } from '../participatory-text/dtos/participatory-text.dto';
import { ProposalDto } from '../proposal/dtos/proposal.dto';
import { ActionLogPage, ActionLogQueryService } from './action-log-query.service';
import { ActionLogConnectionDto, ActionLogFilterInput, HistoryEntryDto } from './dtos/action-log.dto';

const HISTORY_DESCRIPTION =
  'Public history, newest first (the resource’s PUBLIC journal lines and those of its amendments). Access: whoever reads the resource. Errors: BAD_USER_INPUT (first outside 1–50).';

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
    @Args('filter', { type: () => ActionLogFilterInput, nullable: true }) filter: ActionLogFilterInput, // a class (not a union) so the validation pipe sees it
    @Args('first', { type: () => Int, nullable: true, defaultValue: ActionLogPage.defaultFirst }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ActionLogConnectionDto> {
    return this.query.page(filter ?? {}, first, after ?? undefined, viewer);
  }
}

/** `Proposal.history`: loaded only when asked for (the detail page), batched per request. */
@Resolver(() => ProposalDto)
export class ProposalHistoryResolver {
  constructor(private readonly query: ActionLogQueryService) {}

  /** Public history of a proposal (its lines and its amendments'). Access: as the proposal. Errors: BAD_USER_INPUT. */
  @Public()
  @ResolveField(() => [HistoryEntryDto], { description: HISTORY_DESCRIPTION })
  history(
    @Parent() proposal: ProposalDto,
    @Args('first', { type: () => Int, nullable: true, defaultValue: ActionLogPage.historyDefault }) first: number,
    @Context() context: GraphQLContext,
  ): Promise<HistoryEntryDto[]> {
    return this.query.history(context.req, 'proposal', proposal.id, first);
  }
}

/** `Motion.history`: loaded only when asked for, batched per request. */
@Resolver(() => MotionDto)
export class MotionHistoryResolver {
  constructor(private readonly query: ActionLogQueryService) {}

  /** Public history of a motion (filed, edited, closed; never a vote). Access: as the motion. Errors: BAD_USER_INPUT. */
  @Public()
  @ResolveField(() => [HistoryEntryDto], { description: HISTORY_DESCRIPTION })
  history(
    @Parent() motion: MotionDto,
    @Args('first', { type: () => Int, nullable: true, defaultValue: ActionLogPage.historyDefault }) first: number,
    @Context() context: GraphQLContext,
  ): Promise<HistoryEntryDto[]> {
    return this.query.history(context.req, 'motion', motion.id, first);
  }
}

/** `TextArticle.history`: loaded only when asked for, batched per request (one query for a whole text). */
@Resolver(() => TextArticleDto)
export class TextArticleHistoryResolver {
  constructor(private readonly query: ActionLogQueryService) {}

  /** Public history of an article (its amendments proposed, accepted, refused…). Access: as the text. Errors: BAD_USER_INPUT. */
  @Public()
  @ResolveField(() => [HistoryEntryDto], { description: HISTORY_DESCRIPTION })
  history(
    @Parent() article: TextArticleDto,
    @Args('first', { type: () => Int, nullable: true, defaultValue: ActionLogPage.historyDefault }) first: number,
    @Context() context: GraphQLContext,
  ): Promise<HistoryEntryDto[]> {
    return this.query.history(context.req, 'article', article.id, first);
  }
}
