import { BallotMethod, BallotStatus, CensusKind } from '@concerto/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BoundedJSON } from '../../../common/graphql/json-scalar';

registerEnumType(BallotMethod, {
  name: 'BallotMethod',
  description:
    'SINGLE: plurality; MULTIPLE: approval between minChoices and maxChoices; RANKED: Schulze method; MAJORITY_JUDGMENT: Balinski–Laraki majority judgment.',
});
registerEnumType(BallotStatus, {
  name: 'BallotStatus',
  description: 'Derived at read time from PostgreSQL’s clock and opensAt/closesAt.',
});
registerEnumType(CensusKind, {
  name: 'CensusKind',
  description:
    'Who may vote: every signed-in member, an Assemblée’s members, a list of e-mails, or members of chosen profile typologies.',
});

@ObjectType('BallotOption')
export class BallotOptionDto {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field({ description: 'Plain text.' }) description!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Text alternative of the option’s image, if any.',
  })
  imageAlt!: string | null;
}

@ObjectType('BallotQuestion')
export class BallotQuestionDto {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field() title!: string;
  @Field(() => BallotMethod) method!: BallotMethod;
  @Field(() => Int, { description: 'MULTIPLE: fewest options to approve (1 otherwise).' })
  minChoices!: number;
  @Field(() => Int, { description: 'MULTIPLE: most options to approve (1 otherwise).' })
  maxChoices!: number;
  @Field(() => [BallotOptionDto]) options!: BallotOptionDto[];
}

@ObjectType('BallotCensus', {
  description: 'Who may vote, and the census size frozen when the ballot opened (for turnout).',
})
export class BallotCensusDto {
  @Field(() => CensusKind) kind!: CensusKind;
  @Field(() => ID, { nullable: true, description: 'ASSEMBLY_MEMBERS: the Assemblée.' })
  assemblySpaceId!: string | null;
  @Field({ description: 'ASSEMBLY_MEMBERS: ballots weigh the member’s weight.' })
  weighted!: boolean;
  @Field(() => [String], {
    description: 'TYPOLOGY: the profile typology keys whose members vote (empty otherwise).',
  })
  typologyKeys!: string[];
  @Field(() => Int, { nullable: true, description: 'EMAIL_LIST: number of e-mails (admins only).' })
  emailsCount!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'EMAIL_LIST: invitations to sign up delivered to addresses without an account (admins only).',
  })
  invitationsSent!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'EMAIL_LIST: invitations not delivered yet because the mail server refused them; retried after 1, 2, 4, 8 minutes (admins only).',
  })
  invitationsFailing!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Voters in the census when it was frozen at opening (null before).',
  })
  frozenVoters!: number | null;
  @Field(() => Float, { nullable: true, description: 'Their total weight.' }) frozenWeight!:
    | number
    | null;
}

@ObjectType('BallotTurnout', { description: 'Participation, exact (counted by PostgreSQL).' })
export class BallotTurnoutDto {
  @Field(() => Int) voters!: number;
  @Field(() => Float) votersWeight!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'votersWeight / census weight × 100, 2 decimals; null before the census is frozen.',
  })
  percent!: number | null;
}

@ObjectType('Ballot', {
  description: 'A votation: questions counted by their method, a census, secret or public casting.',
})
export class BallotDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) componentId!: string;
  @Field(() => ID) spaceId!: string;
  @Field() title!: string;
  @Field({ description: 'Sanitised rich text.' }) explanation!: string;
  @Field({ description: 'UTC.' }) opensAt!: Date;
  @Field({ description: 'UTC.' }) closesAt!: Date;
  @Field(() => BallotStatus) status!: BallotStatus;
  @Field({ description: 'PostgreSQL’s clock at this read.' }) readAt!: Date;
  @Field({
    description:
      'Secret: who voted is stored apart from what was chosen, with no link; a secret vote is final.',
  })
  secret!: boolean;
  @Field({
    description:
      'Secret ballots only: each voter gets a receipt code, and the list of (code, choices) is published after the close.',
  })
  receiptsEnabled!: boolean;
  @Field() isDemo!: boolean;
  @Field(() => Int, { description: 'Visible comments on the ballot.' }) commentsCount!: number;
  @Field(() => Int, { description: 'Members following the ballot.' }) followsCount!: number;
  @Field({
    description: 'Hidden after reports (only its space’s admins and moderators still see it).',
  })
  hidden!: boolean;
  @Field(() => BallotCensusDto) census!: BallotCensusDto;
  @Field(() => [BallotQuestionDto]) questions!: BallotQuestionDto[];
  @Field(() => BallotTurnoutDto) turnout!: BallotTurnoutDto;
  @Field(() => BoundedJSON, {
    nullable: true,
    description:
      'Per question, the full count of its method (see the API’s counting modules): frozen at the close; live for an open public ballot; null while a secret ballot is open.',
  })
  results!: Record<string, unknown>[] | null;
  @Field({ description: 'True once the results are frozen.' }) resultsFrozen!: boolean;
  @Field() viewerHasVoted!: boolean;
  @Field({ description: 'Open, in the census, and (for a secret ballot) not voted yet.' })
  viewerCanVote!: boolean;
  @Field() viewerInCensus!: boolean;
  @Field(() => BoundedJSON, {
    nullable: true,
    description: 'The viewer’s choices on a public ballot (never for a secret one).',
  })
  viewerChoices!: Record<string, unknown> | null;
  @Field({ description: 'Space admins, until the first vote.' }) viewerCanEdit!: boolean;
  @Field() createdAt!: Date;
}

@ObjectType('CastBallotPayload')
export class CastBallotPayload {
  /** The ballot voted in; its `ballot` field is resolved only when asked for (`BallotResolver`). */
  ballotId!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The receipt code, shown this once (receipts enabled only); never stored with the voter.',
  })
  receiptCode!: string | null;
}

@ObjectType('BallotReceiptCheck', {
  description: 'What the published list holds for a receipt code.',
})
export class BallotReceiptCheckDto {
  @Field() found!: boolean;
  @Field(() => BoundedJSON, {
    nullable: true,
    description: 'The choices recorded with that code, per question id.',
  })
  choices!: Record<string, unknown> | null;
}
