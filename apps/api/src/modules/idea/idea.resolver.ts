import { IdeaModeration, IdeaStatus, IdeaVoteChoice, SpaceRole } from '@concerto/domain';
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
import { Throttle } from '@nestjs/throttler';
import { randomBytes } from 'node:crypto';
import { Authenticated, Public, SpaceRoles } from '../../common/access/access-policy';
import { CurrentViewer, GraphQLContext, Viewer } from '../../common/access/request-context';
import { ONE_MINUTE, RateLimit } from '../../common/rate-limit/rate-limits';
import { AppConfig } from '../../config/app-config';
import { ActionLogPage } from '../action-log/action-log-query.service';
import { HistoryEntryDto } from '../action-log/dtos/action-log.dto';
import { HistoryService } from '../history/history.service';
import { HISTORY_DESCRIPTION } from '../history/history.resolver';
import {
  IdeaBoxDto,
  IdeaDto,
  IdeaPairDto,
  IdeaResultsDto,
  IdeaVoteResultDto,
} from './dtos/idea.dto';
import { CreateIdeaBoxInput } from './dtos/idea.inputs';
import { IdeaBoothService, type VoterIdentity } from './idea-booth.service';
import { IdeaScoringService } from './idea-scoring.service';
import { IdeaService } from './idea.service';

/** httpOnly cookie of an anonymous voter: a random 256-bit token; the database keeps its SHA-256 only (one browser = one voter). */
export const VOTER_COOKIE = 'concerto_idea_voter';

const IDEA = (id: unknown) => ({ resource: { type: 'IDEA', id: id as string } });

@Resolver(() => IdeaBoxDto)
export class IdeaResolver {
  constructor(
    private readonly ideaService: IdeaService,
    private readonly booth: IdeaBoothService,
    private readonly scoring: IdeaScoringService,
    private readonly config: AppConfig,
  ) {}

  /** Boxes of an IDEAS component. Access: anyone who may see it (unpublished boxes: space admins and moderators). Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => [IdeaBoxDto], {
    description:
      'Boxes of an IDEAS component. Access: anyone (unpublished: space admins and moderators). Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  ideaBoxes(
    @Args('componentId', { type: () => ID }) componentId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<IdeaBoxDto[]> {
    return this.ideaService.list(componentId, viewer);
  }

  /** One box. Access: anyone who may see it. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => IdeaBoxDto, {
    description:
      'One Boîte à idées. Access: anyone who may see it. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  ideaBox(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<IdeaBoxDto> {
    return this.ideaService.box(id, viewer);
  }

  /** Ideas of a box: published ones (and the caller's own pending ones); PENDING or REJECTED: the moderation queue. Access: anyone; the queue: space admins and moderators. Errors: NOT_FOUND, FORBIDDEN. */
  @Public()
  @Query(() => [IdeaDto], {
    description:
      'Ideas of a box (status PENDING or REJECTED: space admins and moderators). Access: anyone. Errors: NOT_FOUND, FORBIDDEN, BAD_USER_INPUT.',
  })
  ideaBoxIdeas(
    @Args('boxId', { type: () => ID }) boxId: string,
    @Args('status', { type: () => IdeaStatus, nullable: true }) status: IdeaStatus | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<IdeaDto[]> {
    return this.ideaService.ideas(boxId, status ?? null, viewer);
  }

  /** Ranked ideas with score (0–100) and 95 % interval, exact counts, scores per respondent type (≥ 5 voters). Access: anyone who may see the box. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => IdeaResultsDto, {
    description:
      'Ranked ideas (wiki-survey score with 95 % interval), counts, scores per respondent type. Access: anyone who may see the box. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  ideaResults(
    @Args('boxId', { type: () => ID }) boxId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<IdeaResultsDto> {
    return this.scoring.results(boxId, viewer);
  }

  /**
   * The pair to show the caller (recorded on the server; the same until answered). A mutation
   * because it records the pair, and so falls under the per-caller mutation rate limit.
   * Access: signed-in users; anyone when the box allows anonymous voting (one browser = one voter, httpOnly cookie).
   * Errors: NOT_FOUND, UNAUTHENTICATED, BAD_USER_INPUT.
   */
  @Public()
  @Mutation(() => IdeaPairDto, {
    nullable: true,
    description:
      'Show the caller a pair (their open one, else a new one; null with fewer than two ideas). Access: participants (anyone if anonymous voting is on). Errors: NOT_FOUND, UNAUTHENTICATED, BAD_USER_INPUT.',
  })
  nextIdeaPair(
    @Args('boxId', { type: () => ID }) boxId: string,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: GraphQLContext,
  ): Promise<IdeaPairDto | null> {
    return this.booth.nextPair(boxId, this.identity(viewer, ctx));
  }

  /**
   * Answers a pair shown to the caller (LEFT, RIGHT, SKIP, DONT_KNOW) and gives the next one. Answering twice at once records one vote.
   * Access: as nextIdeaPair. Errors: BAD_USER_INPUT (field pairId, reason PAIR_NOT_SHOWN), CONFLICT (PAIR_ALREADY_ANSWERED), UNAUTHENTICATED, NOT_FOUND.
   */
  @Public()
  @Mutation(() => IdeaVoteResultDto, {
    description:
      'Answer a pair shown to the caller; returns the next pair. Access: participants (anyone if anonymous voting is on). Errors: BAD_USER_INPUT (PAIR_NOT_SHOWN), CONFLICT, UNAUTHENTICATED, NOT_FOUND.',
  })
  voteOnIdeaPair(
    @Args('pairId', { type: () => ID }) pairId: string,
    @Args('choice', { type: () => IdeaVoteChoice }) choice: IdeaVoteChoice,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: GraphQLContext,
  ): Promise<IdeaVoteResultDto> {
    return this.booth.vote(pairId, choice, this.identity(viewer, ctx));
  }

  /** Adds an idea (published at once, or pending when the box moderates). Access: signed-in participants when the box allows it; space admins and moderators. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT (field body), CONFLICT (same idea). */
  @Authenticated()
  @Throttle({ [RateLimit.PER_MUTATION]: { limit: 10, ttl: ONE_MINUTE } })
  @Mutation(() => IdeaDto, {
    description:
      'Add an idea (3–280 characters). Access: signed-in participants (if the box allows), space admins and moderators. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT.',
  })
  addIdea(
    @Args('boxId', { type: () => ID }) boxId: string,
    @Args('body') body: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<IdeaDto> {
    return this.ideaService.add(boxId, body, viewer);
  }

  /** Publishes or rejects an idea. Access: space admins and moderators, organization admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT (field reason). */
  @SpaceRoles([SpaceRole.ADMIN, SpaceRole.MODERATOR], (a) => IDEA(a.ideaId))
  @Mutation(() => IdeaDto, {
    description:
      'Publish or reject an idea. Access: space admins and moderators. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  moderateIdea(
    @Args('ideaId', { type: () => ID }) ideaId: string,
    @Args('decision', { type: () => IdeaModeration }) decision: IdeaModeration,
    @Args('reason', {
      type: () => String,
      nullable: true,
      defaultValue: '',
      description: 'Why it is rejected, ≤ 500 characters.',
    })
    reason: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<IdeaDto> {
    return this.ideaService.moderate(ideaId, decision, reason ?? '', viewer);
  }

  /** Creates a Boîte à idées with its seed ideas. Access: space admins, organization admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT. */
  @SpaceRoles([SpaceRole.ADMIN], (a) => ({ componentId: a.input?.componentId }))
  @Mutation(() => IdeaBoxDto, {
    description:
      'Create a Boîte à idées with seed ideas. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT.',
  })
  createIdeaBox(
    @Args('input') input: CreateIdeaBoxInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<IdeaBoxDto> {
    return this.ideaService.create(input, viewer);
  }

  /** The voter behind a request: the signed-in viewer, else this browser's cookie (set when first needed). */
  private identity(viewer: Viewer | null, ctx: GraphQLContext): VoterIdentity {
    const raw = (ctx.req.cookies as Record<string, string> | undefined)?.[VOTER_COOKIE];
    const token = typeof raw === 'string' && /^[A-Za-z0-9_-]{43}$/.test(raw) ? raw : null;
    return {
      viewer,
      token,
      issueToken: () => {
        const fresh = randomBytes(32).toString('base64url');
        ctx.res.cookie(VOTER_COOKIE, fresh, {
          httpOnly: true,
          sameSite: 'lax',
          secure: this.config.isProduction,
          path: '/',
          maxAge: 365 * 24 * 3600_000,
        });
        return fresh;
      },
    };
  }
}

/** `Idea.history`: loaded only when asked for. */
@Resolver(() => IdeaDto)
export class IdeaHistoryResolver {
  constructor(private readonly histories: HistoryService) {}

  /** Public history of an idea (added, published). Access: as the idea. Errors: BAD_USER_INPUT. */
  @Public()
  @ResolveField(() => [HistoryEntryDto], { description: HISTORY_DESCRIPTION })
  history(
    @Parent() idea: IdeaDto,
    @Args('first', { type: () => Int, nullable: true, defaultValue: ActionLogPage.historyDefault })
    first: number,
    @Context() context: GraphQLContext,
  ): Promise<HistoryEntryDto[]> {
    return this.histories.history(context.req, 'IDEA', idea.id, first);
  }
}
