import { NewsLimits, SpaceRole } from '@concerto/domain';
import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Public, SpaceRoles } from '../../common/access/access-policy';
import { CurrentViewer, GraphQLContext, Viewer } from '../../common/access/request-context';
import { ActionLogPage } from '../action-log/action-log-query.service';
import { HistoryEntryDto } from '../action-log/dtos/action-log.dto';
import { HistoryService } from '../history/history.service';
import { HISTORY_DESCRIPTION } from '../history/history.resolver';
import { NewsPostDto } from './dtos/news.dto';
import { CreateNewsPostInput, NewsPostFieldsInput } from './dtos/news.inputs';
import { NewsService } from './news.service';

const ADMINS = [SpaceRole.ADMIN];
const POST = (id: unknown) => ({ resource: { type: 'NEWS_POST', id: id as string } });

@Resolver(() => NewsPostDto)
export class NewsResolver {
  constructor(private readonly newsService: NewsService) {}

  /** Posts of a NEWS component, latest publication first. Access: anyone (scheduled and hidden posts: the space's admins and moderators). Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => [NewsPostDto], {
    description:
      'Posts of a NEWS component, latest first (at most 500). Access: anyone (scheduled, hidden: space admins and moderators). Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  newsPosts(
    @Args('componentId', { type: () => ID }) componentId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<NewsPostDto[]> {
    return this.newsService.list(componentId, viewer);
  }

  /** One post. Access: anyone who may see it. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => NewsPostDto, {
    description: 'One news post. Access: anyone who may see it. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  newsPost(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<NewsPostDto> {
    return this.newsService.post(id, viewer);
  }

  /** The organization's latest news for the home page: published posts flagged for it, in published spaces. Access: anyone. */
  @Public()
  @Query(() => [NewsPostDto], {
    description:
      'Latest posts flagged for the home page (published spaces and components only). Access: anyone.',
  })
  homeNews(
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: NewsLimits.homeSize,
      description: '1–100.',
    })
    first: number,
  ): Promise<NewsPostDto[]> {
    return this.newsService.publicPosts(null, first);
  }

  /** Creates a post, published now (the space's followers are told) or scheduled. Access: space admins, organization admins (onHomePage: organization admins). Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT (reason SCHEDULE_IN_PAST, field imageAlt, …). */
  @SpaceRoles(ADMINS, (a) => ({ componentId: a.input?.componentId }))
  @Mutation(() => NewsPostDto, {
    description:
      'Create a news post (now or scheduled). Access: space admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT (reason SCHEDULE_IN_PAST).',
  })
  createNewsPost(
    @Args('input') input: CreateNewsPostInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<NewsPostDto> {
    return this.newsService.create(input, viewer);
  }

  /** Edits a post; a scheduled one may be rescheduled or published now. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT. */
  @SpaceRoles(ADMINS, (a) => POST(a.id))
  @Mutation(() => NewsPostDto, {
    description:
      'Edit a news post. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  updateNewsPost(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: NewsPostFieldsInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<NewsPostDto> {
    return this.newsService.update(id, input, viewer);
  }

  /** Deletes a post. Access: space admins. Errors: FORBIDDEN, NOT_FOUND. */
  @SpaceRoles(ADMINS, (a) => POST(a.id))
  @Mutation(() => Boolean, {
    description: 'Delete a news post. Access: space admins. Errors: FORBIDDEN, NOT_FOUND.',
  })
  deleteNewsPost(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    return this.newsService.delete(id, viewer);
  }
}

/** `NewsPost.history`: loaded only when asked for, batched per request. */
@Resolver(() => NewsPostDto)
export class NewsHistoryResolver {
  constructor(private readonly histories: HistoryService) {}

  /** Public history of a post (created, edited). Access: as the post. Errors: BAD_USER_INPUT. */
  @Public()
  @ResolveField(() => [HistoryEntryDto], { description: HISTORY_DESCRIPTION })
  history(
    @Parent() post: NewsPostDto,
    @Args('first', { type: () => Int, nullable: true, defaultValue: ActionLogPage.historyDefault })
    first: number,
    @Context() context: GraphQLContext,
  ): Promise<HistoryEntryDto[]> {
    return this.histories.history(context.req, 'NEWS_POST', post.id, first);
  }
}
