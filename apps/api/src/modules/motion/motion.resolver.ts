import { VoteChoice } from '@concerto/domain';
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
import { Authenticated, Public } from '../../common/access/access-policy';
import { CurrentViewer, GraphQLContext, Viewer } from '../../common/access/request-context';
import { ActionLogPage } from '../action-log/action-log-query.service';
import { HistoryEntryDto } from '../action-log/dtos/action-log.dto';
import { HistoryService } from '../history/history.service';
import { HISTORY_DESCRIPTION } from '../history/history.resolver';
import { DomainError } from '../../common/errors/domain-error';
import { parseIsoInstant } from '../../common/graphql/date-time-scalar';
import { AssemblyMinutesDto, MotionDto, MotionVoteDto } from './dtos/motion.dto';
import { CreateMotionInput, UpdateMotionInput } from './dtos/motion.inputs';
import { MinutesService } from './minutes.service';
import { MotionService } from './motion.service';

const parseDate = (value: string, field: string) => {
  try {
    return parseIsoInstant(value);
  } catch {
    throw DomainError.badInput(
      `${field} : date ISO 8601 attendue (avec fuseau, années 0001 à 9999).`,
      { field },
    ).inEnglish('ISO 8601 date expected (with time zone, years 0001 to 9999).');
  }
};

@Resolver(() => MotionDto)
export class MotionResolver {
  constructor(
    private readonly motionService: MotionService,
    private readonly minutesService: MinutesService,
  ) {}

  /** Motions of a MOTIONS component, with status from the clock, tallies (unless hidden) and results. Access: anyone (drafts: their editors). Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => [MotionDto], {
    description:
      'Motions of a MOTIONS component. Access: anyone (drafts only to their editors). Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  motions(
    @Args('componentId', { type: () => ID }) componentId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MotionDto[]> {
    return this.motionService.list(componentId, viewer);
  }

  /** One motion. Access: anyone (a draft: its editors). Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => MotionDto, {
    description:
      'One motion. Access: anyone (a draft only to its editors). Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  motion(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MotionDto> {
    return this.motionService.motion(id, viewer);
  }

  /**
   * Minutes (procès-verbal) of an assembly over [from, to): motions, participation, tallies,
   * results, members, and the same as Markdown. Access: anyone who can see the space.
   * Errors: NOT_FOUND, BAD_USER_INPUT (invalid or reversed period, not an assembly).
   */
  @Public()
  @Query(() => AssemblyMinutesDto, {
    description:
      'Minutes of an assembly over [from, to), with a Markdown export. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  assemblyMinutes(
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('from', { description: 'ISO 8601 start (inclusive).' }) from: string,
    @Args('to', { description: 'ISO 8601 end (exclusive).' }) to: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<AssemblyMinutesDto> {
    return this.minutesService.minutes(
      spaceId,
      parseDate(from, 'from'),
      parseDate(to, 'to'),
      viewer,
    );
  }

  /** Files a motion. Access: current members of the assembly, space admins, org admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT. */
  @Authenticated()
  @Mutation(() => MotionDto, {
    description:
      'File a motion. Access: current assembly members and admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  createMotion(
    @Args('input') input: CreateMotionInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<MotionDto> {
    return this.motionService.create(input, viewer);
  }

  /** Edits a motion before it opens. Access: its author (a current member) or admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (opened), BAD_USER_INPUT. */
  @Authenticated()
  @Mutation(() => MotionDto, {
    description:
      'Edit a motion before it opens. Access: its author or admins. Errors: FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT.',
  })
  updateMotion(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateMotionInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<MotionDto> {
    return this.motionService.update(id, input, viewer);
  }

  /** Deletes a motion before it opens. Access: its author (a current member) or admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (opened). */
  @Authenticated()
  @Mutation(() => Boolean, {
    description:
      'Delete a motion before it opens. Access: its author or admins. Errors: FORBIDDEN, NOT_FOUND, CONFLICT.',
  })
  deleteMotion(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    return this.motionService.delete(id, viewer);
  }

  /**
   * Casts or changes the viewer's vote (a public vote can change until close; a secret vote is final).
   * Access: current members of the assembly. Errors: UNAUTHENTICATED, FORBIDDEN (not a member),
   * NOT_FOUND, MOTION_NOT_OPEN, MOTION_CLOSED, CONFLICT (changing a secret vote).
   */
  @Authenticated()
  @Mutation(() => MotionDto, {
    description:
      'Vote on a motion. Access: current assembly members. Errors: FORBIDDEN, NOT_FOUND, MOTION_NOT_OPEN, MOTION_CLOSED, CONFLICT.',
  })
  castVote(
    @Args('motionId', { type: () => ID }) motionId: string,
    @Args('choice', { type: () => VoteChoice }) choice: VoteChoice,
    @CurrentViewer() viewer: Viewer,
  ): Promise<MotionDto> {
    return this.motionService.castVote(motionId, choice, viewer);
  }

  /**
   * Named votes of a public ballot, read only when asked for. Null for a secret ballot (nothing
   * links a member to a choice) and while the tally is hidden until close. Access: as the motion.
   */
  @Public()
  @ResolveField(() => [MotionVoteDto], {
    nullable: true,
    description:
      'Named votes of a public ballot (null for a secret ballot, or while the tally is hidden).',
  })
  votes(@Parent() motion: MotionDto): Promise<MotionVoteDto[]> | null {
    return motion.namedVotesVisible ? this.motionService.namedVotes(motion.id) : null;
  }
}

/** `Motion.history`: loaded only when asked for, batched per request. */
@Resolver(() => MotionDto)
export class MotionHistoryResolver {
  constructor(private readonly histories: HistoryService) {}

  /** Public history of a motion (filed, edited, closed; never a vote). Access: as the motion. Errors: BAD_USER_INPUT. */
  @Public()
  @ResolveField(() => [HistoryEntryDto], { description: HISTORY_DESCRIPTION })
  history(
    @Parent() motion: MotionDto,
    @Args('first', { type: () => Int, nullable: true, defaultValue: ActionLogPage.historyDefault })
    first: number,
    @Context() context: GraphQLContext,
  ): Promise<HistoryEntryDto[]> {
    return this.histories.history(context.req, 'MOTION', motion.id, first);
  }
}
