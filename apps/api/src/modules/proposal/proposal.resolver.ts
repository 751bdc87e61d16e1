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
} from '@nestjs/graphql';
import { Throttle } from '@nestjs/throttler';
import { Authenticated, Public, SpaceRoles } from '../../common/access/access-policy';
import { CurrentViewer, GraphQLContext, Viewer } from '../../common/access/request-context';
import { ActionLogPage } from '../action-log/action-log-query.service';
import { HistoryEntryDto } from '../action-log/dtos/action-log.dto';
import { HistoryService } from '../history/history.service';
import { HISTORY_DESCRIPTION } from '../history/history.resolver';
import { ONE_MINUTE, RateLimit } from '../../common/rate-limit/rate-limits';
import {
  ProposalComponentStatusDto,
  ProposalConnectionDto,
  ProposalDto,
  ProposalOrder,
  ProposalSettingsDto,
  SupporterDto,
} from './dtos/proposal.dto';
import {
  AnswerProposalInput,
  CreateProposalInput,
  ProposalFilterInput,
  ProposalSettingsInput,
  UpdateProposalInput,
} from './dtos/proposal.inputs';
import { ProposalConnectionSource, ProposalService } from './proposal.service';
import { SupportService } from './support.service';
import { DisagreementService } from './disagreement.service';

const MODERATORS = [SpaceRole.ADMIN, SpaceRole.MODERATOR];

@Resolver(() => ProposalDto)
export class ProposalResolver {
  constructor(
    private readonly proposalService: ProposalService,
    private readonly supportService: SupportService,
    private readonly disagreementService: DisagreementService,
  ) {}

  /**
   * A page of a component's proposals. Access: anyone (hidden ones for moderators only).
   * Errors: NOT_FOUND, BAD_USER_INPUT (first outside 1–100, bad cursor), UNAUTHENTICATED (mine/supportedByMe).
   */
  @Public()
  @Query(() => ProposalConnectionDto, {
    description:
      'A page of proposals. RANDOM (default) is reproducible from `seed` (returned; keep it for the session) and fair. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT, UNAUTHENTICATED.',
  })
  proposals(
    @Args('componentId', { type: () => ID }) componentId: string,
    @Args('order', { type: () => ProposalOrder, nullable: true, defaultValue: 'RANDOM' })
    order: ProposalOrder,
    @Args('seed', { type: () => String, nullable: true }) seed: string | undefined,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    @Args('filter', { type: () => ProposalFilterInput, nullable: true })
    filter: ProposalFilterInput | undefined,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ProposalConnectionSource> {
    return this.proposalService.page(
      componentId,
      order,
      seed ?? undefined,
      first,
      after ?? undefined,
      filter ?? undefined,
      viewer,
    );
  }

  /** One proposal. Access: anyone. Errors: NOT_FOUND. */
  @Public()
  @Query(() => ProposalDto, { description: 'One proposal. Access: anyone. Errors: NOT_FOUND.' })
  proposal(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ProposalDto> {
    return this.proposalService.byId(id, viewer);
  }

  /** Settings of a PROPOSALS component and the caller's remaining supports. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => ProposalComponentStatusDto, {
    description: 'Settings and the caller’s standing in a PROPOSALS component. Access: anyone.',
  })
  proposalComponent(
    @Args('componentId', { type: () => ID }) componentId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ProposalComponentStatusDto> {
    return this.proposalService.componentStatus(componentId, viewer);
  }

  /** Supporters of a proposal. Access: anyone (empty when supports are hidden). Errors: NOT_FOUND. */
  @Public()
  @Query(() => [SupporterDto], {
    description: 'Supporters of a proposal, oldest first. Access: anyone. Errors: NOT_FOUND.',
  })
  proposalSupporters(
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<SupporterDto[]> {
    return this.proposalService.supporters(proposalId, viewer);
  }

  /**
   * Publishes a proposal. Access: signed-in participants; 10 a minute per participant (at the
   * default mutation budget). Errors: UNAUTHENTICATED, BAD_USER_INPUT, NOT_FOUND, FORBIDDEN (creation closed), TOO_MANY_REQUESTS.
   */
  @Authenticated()
  @Throttle({ [RateLimit.PER_MUTATION]: { limit: 10, ttl: ONE_MINUTE } })
  @Mutation(() => ProposalDto, {
    description:
      'Publish a proposal. Access: participants. Errors: UNAUTHENTICATED, BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, TOO_MANY_REQUESTS.',
  })
  createProposal(
    @Args('input') input: CreateProposalInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ProposalDto> {
    return this.proposalService.create(input, viewer);
  }

  /** Edits one's proposal while unsupported. Access: its author. Errors: UNAUTHENTICATED, FORBIDDEN, CONFLICT, BAD_USER_INPUT, NOT_FOUND. */
  @Authenticated()
  @Mutation(() => ProposalDto, {
    description:
      'Edit a proposal (author, while no one supports it). Errors: UNAUTHENTICATED, FORBIDDEN, CONFLICT, BAD_USER_INPUT, NOT_FOUND.',
  })
  updateProposal(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateProposalInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ProposalDto> {
    return this.proposalService.update(id, input, viewer);
  }

  /** Withdraws one's proposal. Access: its author. Errors: UNAUTHENTICATED, FORBIDDEN, CONFLICT, NOT_FOUND. */
  @Authenticated()
  @Mutation(() => ProposalDto, {
    description:
      'Withdraw a proposal (author). Errors: UNAUTHENTICATED, FORBIDDEN, CONFLICT, NOT_FOUND.',
  })
  withdrawProposal(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ProposalDto> {
    return this.proposalService.withdraw(id, viewer);
  }

  /** Supports a proposal. Access: signed-in participants. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN (closed/withdrawn), LIMIT_REACHED. */
  @Authenticated()
  @Mutation(() => ProposalDto, {
    description:
      'Support a proposal. Access: participants. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, LIMIT_REACHED.',
  })
  supportProposal(
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ProposalDto> {
    return this.supportService.support(proposalId, viewer);
  }

  /** Withdraws one's support. Access: signed-in participants. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN. */
  @Authenticated()
  @Mutation(() => ProposalDto, {
    description:
      'Withdraw a support. Access: participants. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN.',
  })
  unsupportProposal(
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ProposalDto> {
    return this.supportService.unsupport(proposalId, viewer);
  }

  /**
   * Marks « pas d'accord » on a proposal (components with `disagreementsEnabled`). Access: signed-in participants.
   * Errors: UNAUTHENTICATED, NOT_FOUND (unknown or hidden), FORBIDDEN (setting off: reason disagreementsDisabled; withdrawn; closed), CONFLICT (the caller supports it).
   */
  @Authenticated()
  @Mutation(() => ProposalDto, {
    description:
      'Mark « pas d’accord » on a proposal (exclusive with a support). Access: participants, where disagreementsEnabled. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN (reason disagreementsDisabled, withdrawn, supportsClosed), CONFLICT (reason supported).',
  })
  disagreeWithProposal(
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ProposalDto> {
    return this.disagreementService.disagree(proposalId, viewer);
  }

  /** Withdraws one's « pas d'accord ». Access: signed-in participants. Errors: UNAUTHENTICATED, NOT_FOUND. */
  @Authenticated()
  @Mutation(() => ProposalDto, {
    description:
      'Withdraw one’s « pas d’accord » (a no-op when there is none). Access: participants. Errors: UNAUTHENTICATED, NOT_FOUND.',
  })
  withdrawProposalDisagreement(
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ProposalDto> {
    return this.disagreementService.withdraw(proposalId, viewer);
  }

  /** Answers a proposal. Access: the space's moderators and admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT. */
  @SpaceRoles(MODERATORS, (a) => ({ resource: { type: 'PROPOSAL', id: a.input?.proposalId } }))
  @Mutation(() => ProposalDto, {
    description:
      'Answer a proposal (state + official answer). Access: space moderators. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT.',
  })
  answerProposal(
    @Args('input') input: AnswerProposalInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ProposalDto> {
    return this.proposalService.answer(input, viewer);
  }

  /** Publishes a drafted answer. Access: the space's moderators and admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT. */
  @SpaceRoles(MODERATORS, (a) => ({ resource: { type: 'PROPOSAL', id: a.id } }))
  @Mutation(() => ProposalDto, {
    description:
      'Publish a drafted answer. Access: space moderators. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT.',
  })
  publishProposalAnswer(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ProposalDto> {
    return this.proposalService.publishAnswer(id, viewer);
  }

  /** Changes a PROPOSALS component's settings. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT. */
  @SpaceRoles([SpaceRole.ADMIN], (a) => ({ componentId: a.componentId }))
  @Mutation(() => ProposalSettingsDto, {
    description:
      'Change supports/limits/threshold settings. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  updateProposalSettings(
    @Args('componentId', { type: () => ID }) componentId: string,
    @Args('input') input: ProposalSettingsInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ProposalSettingsDto> {
    return this.proposalService.updateSettings(componentId, input, viewer);
  }
}

@Resolver(() => ProposalConnectionDto)
export class ProposalConnectionResolver {
  /** Proposals matching the page's filter, counted by PostgreSQL only when requested. Access: as the page. */
  @Public()
  @ResolveField(() => Int)
  totalCount(@Parent() connection: ProposalConnectionSource): Promise<number> {
    return connection.countTotal();
  }
}

/** `Proposal.history`: loaded only when asked for (the detail page), batched per request. */
@Resolver(() => ProposalDto)
export class ProposalHistoryResolver {
  constructor(private readonly histories: HistoryService) {}

  /** Public history of a proposal (its lines and its amendments'). Access: as the proposal. Errors: BAD_USER_INPUT. */
  @Public()
  @ResolveField(() => [HistoryEntryDto], { description: HISTORY_DESCRIPTION })
  history(
    @Parent() proposal: ProposalDto,
    @Args('first', { type: () => Int, nullable: true, defaultValue: ActionLogPage.historyDefault })
    first: number,
    @Context() context: GraphQLContext,
  ): Promise<HistoryEntryDto[]> {
    return this.histories.history(context.req, 'PROPOSAL', proposal.id, first);
  }
}
