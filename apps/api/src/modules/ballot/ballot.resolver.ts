import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { BallotDto, BallotReceiptCheckDto, CastBallotPayload } from './dtos/ballot.dto';
import { BallotAnswerInput, BallotFieldsInput, CreateBallotInput } from './dtos/ballot.inputs';
import { BallotService } from './ballot.service';

@Resolver(() => BallotDto)
export class BallotResolver {
  constructor(private readonly service: BallotService) {}

  /** Ballots of a VOTES component. Access: anyone who can see the component. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => [BallotDto], {
    description:
      'Ballots (votations) of a VOTES component. Access: anyone who can see it. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  ballots(
    @Args('componentId', { type: () => ID }) componentId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<BallotDto[]> {
    return this.service.list(componentId, viewer);
  }

  /** One ballot, with its status from the database clock, turnout, and results when visible. Access: anyone who can see it. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => BallotDto, {
    description: 'One ballot. Access: anyone who can see it. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  ballot(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<BallotDto> {
    return this.service.ballot(id, viewer);
  }

  /**
   * What the published list holds for a receipt code, once the ballot is closed. Access: anyone
   * who can see the ballot. Errors: NOT_FOUND, CONFLICT (not closed yet), BAD_USER_INPUT (no
   * receipts on this ballot, malformed code).
   */
  @Public()
  @Query(() => BallotReceiptCheckDto, {
    description:
      'Look a receipt code up in the published list of a closed ballot. Access: anyone. Errors: NOT_FOUND, CONFLICT, BAD_USER_INPUT.',
  })
  checkBallotReceipt(
    @Args('ballotId', { type: () => ID }) ballotId: string,
    @Args('code') code: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<BallotReceiptCheckDto> {
    return this.service.checkReceipt(ballotId, code, viewer);
  }

  /** Creates a ballot. Access: space admins of the component's space, org admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT. */
  @Authenticated()
  @Mutation(() => BallotDto, {
    description:
      'Create a ballot in a VOTES component. Access: space admins, org admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  createBallot(
    @Args('input') input: CreateBallotInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<BallotDto> {
    return this.service.create(input, viewer);
  }

  /** Edits a ballot before it opens and before any vote. Access: space admins, org admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT. */
  @Authenticated()
  @Mutation(() => BallotDto, {
    description:
      'Edit a ballot before it opens and before any vote. Access: space admins, org admins. Errors: FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT.',
  })
  updateBallot(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: BallotFieldsInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<BallotDto> {
    return this.service.update(id, input, viewer);
  }

  /**
   * Casts the viewer's ballot: one answer per question. A secret vote is final; a public one can
   * change until the close. Returns the receipt code once when receipts are enabled.
   * Access: signed-in members of the census. Errors: UNAUTHENTICATED, NOT_FOUND, BALLOT_NOT_OPEN,
   * BALLOT_CLOSED, NOT_IN_CENSUS, BAD_USER_INPUT (`extensions.reason`), CONFLICT.
   */
  @Authenticated()
  @Mutation(() => CastBallotPayload, {
    description:
      'Cast a ballot (one answer per question). Access: members of the census. Errors: NOT_FOUND, BALLOT_NOT_OPEN, BALLOT_CLOSED, NOT_IN_CENSUS, BAD_USER_INPUT, CONFLICT.',
  })
  castBallot(
    @Args('ballotId', { type: () => ID }) ballotId: string,
    @Args('answers', { type: () => [BallotAnswerInput] }) answers: BallotAnswerInput[],
    @CurrentViewer() viewer: Viewer,
  ): Promise<CastBallotPayload> {
    return this.service.cast(ballotId, answers, viewer);
  }
}

/** The answer to `castBallot`: the ballot is read again only when the client selects it (a voter's booth may need only the receipt). */
@Resolver(() => CastBallotPayload)
export class CastBallotPayloadResolver {
  constructor(private readonly service: BallotService) {}

  /** The ballot after the vote (turnout, the viewer's state). Access: the voter who just cast it. Errors: NOT_FOUND. */
  @Authenticated()
  @ResolveField(() => BallotDto, {
    description:
      'The ballot after the vote: turnout, viewer state, live results of a public ballot.',
  })
  ballot(
    @Parent() payload: CastBallotPayload,
    @CurrentViewer() viewer: Viewer,
  ): Promise<BallotDto> {
    return this.service.ballot(payload.ballotId, viewer);
  }
}
