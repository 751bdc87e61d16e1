import {
  AssemblyPosition,
  MotionMajority,
  MotionOutcome,
  MotionStatus,
  QuorumBasis,
  VoteChoice,
} from '@concerto/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ResourceOriginDto } from '../../../common/graphql/resource-origin.dto';

registerEnumType(MotionMajority, {
  name: 'MotionMajority',
  description:
    'SIMPLE: FOR > AGAINST; ABSOLUTE: FOR > 50 % of votes cast incl. abstentions; TWO_THIRDS: FOR ≥ 2/3 of FOR + AGAINST.',
});
registerEnumType(MotionStatus, {
  name: 'MotionStatus',
  description: 'Derived at read time from the clock and opensAt/closesAt.',
});
registerEnumType(VoteChoice, { name: 'VoteChoice', description: 'Pour, contre, abstention.' });
registerEnumType(QuorumBasis, {
  name: 'QuorumBasis',
  description:
    'VOTING: the quorum counts the members who voted; PRESENT: members marked present at the sitting that decided the motion, or voting.',
});
registerEnumType(MotionOutcome, { name: 'MotionOutcome', description: 'Result frozen at close.' });

@ObjectType('MotionTally', {
  description: 'Weighted totals of the ballots (exact, counted by PostgreSQL).',
})
export class MotionTallyDto {
  @Field(() => Float, { description: 'Weight of FOR ballots.' }) forWeight!: number;
  @Field(() => Float) againstWeight!: number;
  @Field(() => Float) abstainWeight!: number;
  @Field(() => Int, { description: 'Members who voted.' }) votersCount!: number;
  @Field(() => Float, { description: 'Weight of the members who voted.' }) votersWeight!: number;
}

@ObjectType('MotionResult', {
  description: 'The result of a closed motion, stored once and never changed.',
})
export class MotionResultDto {
  @Field(() => MotionOutcome) outcome!: MotionOutcome;
  @Field(() => MotionMajority) majority!: MotionMajority;
  @Field(() => Float, { description: 'Quorum required, in % of the members’ weight at close.' })
  quorumPercent!: number;
  @Field(() => Float) forWeight!: number;
  @Field(() => Float) againstWeight!: number;
  @Field(() => Float) abstainWeight!: number;
  @Field(() => Int) votersCount!: number;
  @Field(() => Float) votersWeight!: number;
  @Field(() => Int, { description: 'Members of the assembly at closesAt.' }) membersCount!: number;
  @Field(() => Float) membersWeight!: number;
  @Field(() => Float, {
    description: 'votersWeight / membersWeight × 100, rounded to 2 decimals (0 with no members).',
  })
  participationPercent!: number;
  @Field() quorumReached!: boolean;
  @Field(() => QuorumBasis, { description: 'What the quorum counted.' })
  quorumBasis!: QuorumBasis;
  @Field(() => Int, {
    nullable: true,
    description: 'PRESENT basis: members present at the sitting or voting (null for VOTING).',
  })
  presentCount!: number | null;
  @Field(() => Float, { nullable: true, description: 'PRESENT basis: their weight.' })
  presentWeight!: number | null;
  @Field() computedAt!: Date;
}

@ObjectType('MotionVote', { description: 'A named vote of a public ballot.' })
export class MotionVoteDto {
  @Field(() => ID) userId!: string;
  @Field() memberName!: string;
  @Field(() => String, { nullable: true }) college!: string | null;
  @Field(() => VoteChoice) choice!: VoteChoice;
  @Field(() => Float) weight!: number;
}

@ObjectType('Motion', { description: 'A motion an Assemblée decides on.' })
export class MotionDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) componentId!: string;
  @Field(() => ID) spaceId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Reference in the source document, e.g. "A2-1".',
  })
  reference!: string | null;
  @Field() title!: string;
  @Field({ description: 'Sanitised HTML or plain text.' }) body!: string;
  @Field(() => Date, { nullable: true, description: 'Opening time (UTC); null for a draft.' })
  opensAt!: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: 'Closing time (UTC), exclusive: no vote at or after it.',
  })
  closesAt!: Date | null;
  @Field(() => MotionMajority) majority!: MotionMajority;
  @Field(() => Float, { description: 'Quorum, % of the members’ weight (0–100).' })
  quorumPercent!: number;
  @Field(() => QuorumBasis, { description: 'What the quorum counts (voters, or members present).' })
  quorumBasis!: QuorumBasis;
  @Field(() => ID, {
    nullable: true,
    description: 'The Assemblée sitting (meeting) in which the chair opened the vote, if any.',
  })
  sittingId!: string | null;
  @Field() secretBallot!: boolean;
  @Field() hideTallyUntilClosed!: boolean;
  @Field(() => MotionStatus, { description: 'Derived from the database clock at read time.' })
  status!: MotionStatus;
  @Field({ description: 'Database clock when this was read (for countdowns).' }) readAt!: Date;
  @Field(() => MotionTallyDto, {
    nullable: true,
    description: 'Totals; null while hidden until close.',
  })
  tally!: MotionTallyDto | null;
  @Field(() => MotionResultDto, { nullable: true, description: 'Frozen result once closed.' })
  result!: MotionResultDto | null;
  /** Whether `votes` (resolved on demand by the resolver) may list names: a public ballot whose tally is not hidden. Not exposed. */
  namedVotesVisible!: boolean;
  @Field({ description: 'Whether the viewer has voted.' }) viewerHasVoted!: boolean;
  @Field(() => VoteChoice, {
    nullable: true,
    description: 'The viewer’s own choice on a public ballot (never given for a secret ballot).',
  })
  viewerVote!: VoteChoice | null;
  @Field({
    description:
      'Whether the viewer is a current member and the motion is open (a secret vote cannot be changed).',
  })
  viewerCanVote!: boolean;
  @Field({
    description:
      'Whether the viewer may edit or delete it (author or space admin, before it opens).',
  })
  viewerCanEdit!: boolean;
  @Field(() => ResourceOriginDto, {
    nullable: true,
    description: 'What it comes from (a petition that became this motion).',
  })
  origin!: ResourceOriginDto | null;
  @Field() createdAt!: Date;
}

@ObjectType('MinutesMember', {
  description: 'A member of the assembly during the minutes’ period.',
})
export class MinutesMemberDto {
  @Field() name!: string;
  @Field(() => AssemblyPosition) position!: AssemblyPosition;
  @Field(() => String, { nullable: true }) college!: string | null;
  @Field(() => Float) weight!: number;
  @Field() joinedAt!: Date;
  @Field(() => Date, { nullable: true }) leftAt!: Date | null;
}

@ObjectType('AssemblyMinutes', { description: 'Procès-verbal of an assembly over a period.' })
export class AssemblyMinutesDto {
  @Field(() => ID) spaceId!: string;
  @Field() spaceTitle!: string;
  @Field() from!: Date;
  @Field() to!: Date;
  @Field(() => [MotionDto], {
    description: 'Motions whose voting period ends in [from, to), by closing time.',
  })
  motions!: MotionDto[];
  @Field(() => [MinutesMemberDto], { description: 'Members at some time in the period.' })
  members!: MinutesMemberDto[];
  @Field(() => [String], {
    description:
      'Minutes of the Assemblée sittings held in the period (Markdown, one per sitting): agenda, members present, results.',
  })
  sittings!: string[];
  @Field({ description: 'The same minutes as Markdown (times in Europe/Paris).' })
  markdown!: string;
}
