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
import { MyPetitionRelation } from '@concerto/domain';
import { Authenticated, Public } from '../../common/access/access-policy';
import { CurrentViewer, GraphQLContext, Viewer } from '../../common/access/request-context';
import { ActionLogPage } from '../action-log/action-log-query.service';
import { HistoryEntryDto } from '../action-log/dtos/action-log.dto';
import { HistoryService } from '../history/history.service';
import { HISTORY_DESCRIPTION } from '../history/history.resolver';
import { PetitionConnectionDto, PetitionDto, PetitionTypeDto } from './dtos/petition.dto';
import {
  AnswerPetitionInput,
  CreatePetitionInput,
  CreatePetitionTypeInput,
  UpdatePetitionInput,
  UpdatePetitionTypeInput,
} from './dtos/petition.inputs';
import { MyPetitionsPage, type PetitionFilter, PetitionService } from './petition.service';

const PetitionFilterEnum = {
  OPEN: 'OPEN',
  ACCEPTED: 'ACCEPTED',
  ANSWERED: 'ANSWERED',
  ALL: 'ALL',
  VALIDATING: 'VALIDATING',
  MINE: 'MINE',
} as const;
registerEnumType(PetitionFilterEnum, {
  name: 'PetitionFilter',
  description:
    'OPEN collecting; ACCEPTED ended at the threshold; ANSWERED; ALL public ones; VALIDATING the admins’ queue; MINE written or promoted by the viewer.',
});

registerEnumType(MyPetitionRelation, {
  name: 'MyPetitionRelation',
  description:
    'ALL: any tie; AUTHOR: started by the viewer; COMMITTEE: the viewer is in the promoter committee; SIGNED: the viewer signed it.',
});

@Resolver(() => PetitionDto)
export class PetitionResolver {
  constructor(private readonly service: PetitionService) {}

  /** Petition types of a PETITIONS component. Access: anyone who sees the component. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => [PetitionTypeDto], {
    description:
      'Petition types of a PETITIONS component. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  petitionTypes(
    @Args('componentId', { type: () => ID }) componentId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<PetitionTypeDto[]> {
    return this.service.types(componentId, viewer);
  }

  /** Petitions of a component, filtered (newest first; the web sorts). Access: anyone (unpublished ones: author, committee, admins). Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => [PetitionDto], {
    description:
      'Petitions of a PETITIONS component. Access: anyone (unpublished ones: their author, committee and admins). Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  petitions(
    @Args('componentId', { type: () => ID }) componentId: string,
    @Args('filter', { type: () => PetitionFilterEnum, nullable: true, defaultValue: 'ALL' })
    filter: PetitionFilter,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<PetitionDto[]> {
    return this.service.list(componentId, filter, viewer);
  }

  /** One petition; its state is decided from the database clock at this read. Access: as the list. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => PetitionDto, {
    description:
      'One petition (ACCEPTED / REJECTED decided at this read). Access: anyone (unpublished: author, committee, admins). Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  petition(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<PetitionDto> {
    return this.service.petition(id, viewer);
  }

  /** « Mes pétitions », newest first, by pages. Access: signed-in members. Errors: UNAUTHENTICATED, BAD_USER_INPUT (first 1–50, after). */
  @Authenticated()
  @Query(() => PetitionConnectionDto, {
    description:
      'The petitions the viewer started, promotes or signed, newest first. Access: signed-in members. Errors: UNAUTHENTICATED, BAD_USER_INPUT (first 1 to 50, after).',
  })
  myPetitions(
    @Args('relation', { type: () => MyPetitionRelation, nullable: true, defaultValue: 'ALL' })
    relation: MyPetitionRelation,
    @Args('first', { type: () => Int, nullable: true, defaultValue: MyPetitionsPage.defaultSize })
    first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PetitionConnectionDto> {
    return this.service.mine(
      viewer,
      relation ?? 'ALL',
      first ?? MyPetitionsPage.defaultSize,
      after ?? undefined,
    );
  }

  /** The admins' queue across components: VALIDATING, and ended petitions awaiting their answer. Access: signed-in (empty unless admin). Errors: UNAUTHENTICATED. */
  @Authenticated()
  @Query(() => [PetitionDto], {
    description:
      'Petitions awaiting technical validation or an official answer, in the spaces the viewer administers, oldest first. Access: signed-in members (empty unless admin). Errors: UNAUTHENTICATED.',
  })
  petitionQueue(@CurrentViewer() viewer: Viewer): Promise<PetitionDto[]> {
    return this.service.queue(viewer);
  }

  /** Creates a petition type. Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT (threshold 0, typologies). */
  @Authenticated()
  @Mutation(() => PetitionTypeDto, {
    description:
      'Create a petition type. Access: organization admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  createPetitionType(
    @Args('input') input: CreatePetitionTypeInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PetitionTypeDto> {
    return this.service.createType(input, viewer);
  }

  /** Edits a petition type. Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT (threshold 0, typologies). */
  @Authenticated()
  @Mutation(() => PetitionTypeDto, {
    description:
      'Edit a petition type (omitted fields stay). Access: organization admins. Errors: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  updatePetitionType(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdatePetitionTypeInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PetitionTypeDto> {
    return this.service.updateType(id, input, viewer);
  }

  /** Starts a petition (CREATED). Access: signed-in members. Errors: UNAUTHENTICATED, NOT_FOUND, BAD_USER_INPUT. */
  @Authenticated()
  @Mutation(() => PetitionDto, {
    description:
      'Start a petition (CREATED). Access: signed-in members. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  createPetition(
    @Args('input') input: CreatePetitionInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PetitionDto> {
    return this.service.create(input, viewer);
  }

  /** Edits a petition before publication. Access: its author, admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT. */
  @Authenticated()
  @Mutation(() => PetitionDto, {
    description:
      'Edit a petition before publication. Access: its author and admins. Errors: FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT.',
  })
  updatePetition(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdatePetitionInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PetitionDto> {
    return this.service.update(id, input, viewer);
  }

  /** A single-use committee invitation token (for a link). Access: the author, while CREATED. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, LIMIT_REACHED. */
  @Authenticated()
  @Mutation(() => String, {
    description:
      'Create a single-use committee invitation; returns its token (shown once). Access: the author, while CREATED. Errors: FORBIDDEN, NOT_FOUND, CONFLICT.',
  })
  invitePetitionCommittee(
    @Args('petitionId', { type: () => ID }) petitionId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<string> {
    return this.service.invite(petitionId, viewer);
  }

  /** Joins a promoter committee through an invitation token. Access: signed-in members but the author. Errors: UNAUTHENTICATED, NOT_FOUND, CONFLICT. */
  @Authenticated()
  @Mutation(() => PetitionDto, {
    description:
      'Join a promoter committee with an invitation token. Access: signed-in members but the author. Errors: NOT_FOUND, CONFLICT.',
  })
  acceptPetitionCommitteeInvitation(
    @Args('token') token: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PetitionDto> {
    return this.service.acceptInvitation(token, viewer);
  }

  /** Submits for validation (CREATED → VALIDATING). Access: the author. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT (committee below the minimum). */
  @Authenticated()
  @Mutation(() => PetitionDto, {
    description:
      'Submit a petition for validation. Access: its author. Errors: FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT (committee too small).',
  })
  submitPetition(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PetitionDto> {
    return this.service.submit(id, viewer);
  }

  /** Technical validation: publishes and starts the period. Access: space admins, org admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT. */
  @Authenticated()
  @Mutation(() => PetitionDto, {
    description:
      'Publish a petition awaiting validation (starts its period). Access: space admins. Errors: FORBIDDEN, NOT_FOUND, CONFLICT.',
  })
  publishPetition(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PetitionDto> {
    return this.service.publish(id, viewer);
  }

  /** Discards a petition awaiting validation, with a reason. Access: space admins, org admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT. */
  @Authenticated()
  @Mutation(() => PetitionDto, {
    description:
      'Discard a petition awaiting validation, with a reason. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT.',
  })
  discardPetition(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PetitionDto> {
    return this.service.discard(id, reason, viewer);
  }

  /** Official answer once the collection has ended. Access: space admins, org admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (unpublished, collecting, answered), BAD_USER_INPUT. */
  @Authenticated()
  @Mutation(() => PetitionDto, {
    description:
      'Answer a petition whose collection has ended. Access: space admins. Errors: FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT.',
  })
  answerPetition(
    @Args('input') input: AnswerPetitionInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PetitionDto> {
    return this.service.answer(input, viewer);
  }

  /** Signs (idempotent). Access: signed-in members allowed by the type. Errors: UNAUTHENTICATED, FORBIDDEN (typology), NOT_FOUND, PETITION_NOT_OPEN. */
  @Authenticated()
  @Mutation(() => PetitionDto, {
    description:
      'Sign a petition during its period (idempotent). Access: signed-in members allowed by the type. Errors: FORBIDDEN, NOT_FOUND, PETITION_NOT_OPEN.',
  })
  signPetition(
    @Args('petitionId', { type: () => ID }) petitionId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PetitionDto> {
    return this.service.sign(petitionId, viewer);
  }

  /** Withdraws one's signature during the period (idempotent). Access: signed-in members. Errors: UNAUTHENTICATED, NOT_FOUND, PETITION_NOT_OPEN. */
  @Authenticated()
  @Mutation(() => PetitionDto, {
    description:
      'Withdraw one’s signature during the period (idempotent). Access: signed-in members. Errors: NOT_FOUND, PETITION_NOT_OPEN.',
  })
  unsignPetition(
    @Args('petitionId', { type: () => ID }) petitionId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PetitionDto> {
    return this.service.unsign(petitionId, viewer);
  }
}

/** `Petition.history`: loaded only when asked for, batched per request. */
@Resolver(() => PetitionDto)
export class PetitionHistoryResolver {
  constructor(private readonly histories: HistoryService) {}

  /** Public history of a petition (published, answered; never a signature). Access: as the petition. */
  @Public()
  @ResolveField(() => [HistoryEntryDto], { description: HISTORY_DESCRIPTION })
  history(
    @Parent() petition: PetitionDto,
    @Args('first', { type: () => Int, nullable: true, defaultValue: ActionLogPage.historyDefault })
    first: number,
    @Context() context: GraphQLContext,
  ): Promise<HistoryEntryDto[]> {
    return this.histories.history(context.req, 'PETITION', petition.id, first);
  }
}
