import { SpaceRole } from '@concerto/domain';
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
  registerEnumType,
} from '@nestjs/graphql';
import { Authenticated, Public, SpaceRoles } from '../../common/access/access-policy';
import { CurrentViewer, GraphQLContext, Viewer } from '../../common/access/request-context';
import { ActionLogPage } from '../action-log/action-log-query.service';
import { HistoryEntryDto } from '../action-log/dtos/action-log.dto';
import { HistoryService } from '../history/history.service';
import { HISTORY_DESCRIPTION } from '../history/history.resolver';
import { DebateAnalysisQuery } from './debate-analysis.query';
import { type StatementFilter, DebateService } from './debate.service';
import { DebateAnalysisDto, DebateDto, DebateStatementDto } from './dtos/debate.dto';
import {
  AddDebateStatementInput,
  CreateDebateInput,
  UpdateDebateInput,
  VoteDebateStatementInput,
} from './dtos/debate.inputs';

const ADMINS = [SpaceRole.ADMIN];
const DEBATE = (id: unknown) => ({ resource: { type: 'DEBATE', id: id as string } });

const DebateStatementFilterEnum = {
  PUBLISHED: 'PUBLISHED',
  PENDING: 'PENDING',
  MINE: 'MINE',
} as const;
registerEnumType(DebateStatementFilterEnum, {
  name: 'DebateStatementFilter',
  description:
    'PUBLISHED: votable statements (anyone); PENDING: awaiting review (moderators; empty for others); MINE: the viewer’s own, any state, hidden included.',
});

@Resolver(() => DebateDto)
export class DebateResolver {
  constructor(
    private readonly service: DebateService,
    private readonly analyses: DebateAnalysisQuery,
  ) {}

  /** Debates of a DEBATE component, oldest first. Access: anyone who sees the component (hidden debates: moderators). Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => [DebateDto], {
    description:
      'Debates of a DEBATE component, oldest first. Access: anyone (hidden ones: moderators). Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  debates(
    @Args('componentId', { type: () => ID }) componentId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<DebateDto[]> {
    return this.service.list(componentId, viewer);
  }

  /** One debate. Access: anyone who sees its component. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => DebateDto, {
    description: 'One debate. Access: anyone who sees it. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  debate(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<DebateDto> {
    return this.service.debate(id, viewer);
  }

  /** Statements of a debate, oldest first (authors never shown). Access: anyone who sees it; PENDING: moderators; MINE: signed-in. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => [DebateStatementDto], {
    description:
      'Statements of a debate, oldest first (authors never shown). Access: anyone who sees the debate. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  debateStatements(
    @Args('debateId', { type: () => ID }) debateId: string,
    @Args('filter', {
      type: () => DebateStatementFilterEnum,
      nullable: true,
      defaultValue: 'PUBLISHED',
    })
    filter: StatementFilter,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<DebateStatementDto[]> {
    return this.service.statements(debateId, filter ?? 'PUBLISHED', viewer);
  }

  /**
   * The next statement for the viewer's voting card, or null when they voted on all. Rule:
   * unseen only; statements with fewer than 7 votes first (fewest first) so new ones get placed;
   * then the most divisive in the latest analysis, as they tell the groups apart.
   * Access: signed-in members who see the debate. Errors: UNAUTHENTICATED, NOT_FOUND, BAD_USER_INPUT.
   */
  @Authenticated()
  @Query(() => DebateStatementDto, {
    nullable: true,
    description:
      'Next statement for the viewer (null when all voted). Rule: unseen only; fewer than 7 votes first (fewest first), then most divisive in the latest analysis. Access: signed-in. Errors: UNAUTHENTICATED, NOT_FOUND, BAD_USER_INPUT.',
  })
  debateNextStatement(
    @Args('debateId', { type: () => ID }) debateId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<DebateStatementDto | null> {
    return this.service.nextStatement(debateId, viewer);
  }

  /** The latest analysis: groups (anonymous points, centroid, size, representative statements), consensus, divisive, the viewer's own position. Access: anyone who sees the debate. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => DebateAnalysisDto, {
    nullable: true,
    description:
      'The latest analysis of a debate (null before any vote): opinion groups as anonymous points, representative statements, consensus, divisive; the viewer’s own position. Access: anyone who sees the debate. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  debateAnalysis(
    @Args('debateId', { type: () => ID }) debateId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<DebateAnalysisDto | null> {
    return this.analyses.analysis(debateId, viewer);
  }

  /** Opens a debate. Access: space admins, organization admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT. */
  @SpaceRoles(ADMINS, (a) => ({ componentId: a.input?.componentId }))
  @Mutation(() => DebateDto, {
    description:
      'Open a debate in a DEBATE component. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  createDebate(
    @Args('input') input: CreateDebateInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<DebateDto> {
    return this.service.create(input, viewer);
  }

  /** Edits, closes or reopens a debate. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT. */
  @SpaceRoles(ADMINS, (a) => DEBATE(a.id))
  @Mutation(() => DebateDto, {
    description:
      'Edit, close or reopen a debate. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  updateDebate(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateDebateInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<DebateDto> {
    return this.service.update(id, input, viewer);
  }

  /** Adds a statement (≤ 280 characters). Access: signed-in members (participants when the setting allows). Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (closed), BAD_USER_INPUT (field body: blank or over 280). */
  @Authenticated()
  @Mutation(() => DebateStatementDto, {
    description:
      'Add a statement (≤ 280 characters; published at once or after review). Access: signed-in members. Errors: FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT (field body).',
  })
  addDebateStatement(
    @Args('input') input: AddDebateStatementInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<DebateStatementDto> {
    return this.service.addStatement(input, viewer);
  }

  /** Publishes or rejects a pending statement. Access: the space's moderators and admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (not pending). */
  @Authenticated()
  @Mutation(() => DebateStatementDto, {
    description:
      'Publish (true) or reject (false) a pending statement. Access: space moderators and admins. Errors: FORBIDDEN, NOT_FOUND, CONFLICT.',
  })
  moderateDebateStatement(
    @Args('id', { type: () => ID }) id: string,
    @Args('publish') publish: boolean,
    @CurrentViewer() viewer: Viewer,
  ): Promise<DebateStatementDto> {
    return this.service.moderateStatement(id, publish, viewer);
  }

  /** Votes agree / disagree / pass, or changes one's vote (one per statement). Access: signed-in members. Errors: UNAUTHENTICATED, NOT_FOUND, CONFLICT (own hidden or unpublished statement, closed debate; field statementId), BAD_USER_INPUT. */
  @Authenticated()
  @Mutation(() => DebateStatementDto, {
    description:
      'Vote on a statement (AGREE, DISAGREE, PASS); voting again changes the vote. Access: signed-in members. Errors: NOT_FOUND, CONFLICT (field statementId), BAD_USER_INPUT.',
  })
  voteDebateStatement(
    @Args('input') input: VoteDebateStatementInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<DebateStatementDto> {
    return this.service.vote(input, viewer);
  }
}

/** `Debate.history`: loaded only when asked for. */
@Resolver(() => DebateDto)
export class DebateHistoryResolver {
  constructor(private readonly histories: HistoryService) {}

  /** Public history of a debate (opened, edited, closed). Access: as the debate. */
  @Public()
  @ResolveField(() => [HistoryEntryDto], { description: HISTORY_DESCRIPTION })
  history(
    @Parent() debate: DebateDto,
    @Args('first', { type: () => Int, nullable: true, defaultValue: ActionLogPage.historyDefault })
    first: number,
    @Context() context: GraphQLContext,
  ): Promise<HistoryEntryDto[]> {
    return this.histories.history(context.req, 'DEBATE', debate.id, first);
  }
}
