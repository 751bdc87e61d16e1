import { DebateStatementState, DebateVoteChoice } from '@concerto/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

registerEnumType(DebateVoteChoice, {
  name: 'DebateVoteChoice',
  description:
    'AGREE « D’accord », DISAGREE « Pas d’accord », PASS « Passer » (no opinion: not counted on the map).',
});
registerEnumType(DebateStatementState, {
  name: 'DebateStatementState',
  description:
    'PUBLISHED votable; PENDING awaiting a moderator (moderated setting); REJECTED by a moderator.',
});

@ObjectType('Debate', {
  description: 'A Débat: a topic and short statements voted agree / disagree / pass.',
})
export class DebateDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) componentId!: string;
  @Field(() => ID) spaceId!: string;
  @Field({ description: 'Its page in the web app (/espaces/<slug>/f/<componentId>/debats/<id>).' })
  link!: string;
  @Field({ description: 'The topic.' }) title!: string;
  @Field({ description: 'Sanitised HTML.' }) description!: string;
  @Field(() => Date, {
    nullable: true,
    description: 'Votes and new statements are refused from then on.',
  })
  closedAt!: Date | null;
  @Field(() => Int, { description: 'Published, visible statements.' }) statementsCount!: number;
  @Field(() => Int, { description: 'Distinct participants who voted.' }) participantsCount!: number;
  @Field(() => Int) commentsCount!: number;
  @Field() isDemo!: boolean;
  @Field() createdAt!: Date;
  @Field({ description: 'Settings: participants may add statements.' })
  participantStatements!: boolean;
  @Field({ description: 'Settings: participants’ statements wait for a moderator.' })
  statementsModerated!: boolean;
  @Field({ description: 'The viewer follows it.' }) viewerFollows!: boolean;
  @Field({ description: 'Space admin or moderator: moderate statements; admin: edit.' })
  viewerCanModerate!: boolean;
  @Field(() => Int, { description: 'Statements the viewer voted on (passes included).' })
  viewerVotesCount!: number;
}

@ObjectType('DebateStatement', {
  description: 'A statement of a debate (≤ 280 characters). Its author is never shown.',
})
export class DebateStatementDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) debateId!: string;
  @Field({ description: 'Plain text, at most 280 characters.' }) body!: string;
  @Field(() => DebateStatementState) state!: DebateStatementState;
  @Field({ description: 'Hidden after reports (shown to its author and moderators only).' })
  hidden!: boolean;
  @Field({ description: 'Written by the debate’s organisers (seed statement).' }) seeded!: boolean;
  @Field(() => Int, { description: 'Votes cast on it (agree + disagree + pass).' })
  votesCount!: number;
  @Field(() => Int) agreeCount!: number;
  @Field(() => Int) disagreeCount!: number;
  @Field(() => Int) passCount!: number;
  @Field({ description: 'The viewer wrote it.' }) viewerIsAuthor!: boolean;
  @Field(() => DebateVoteChoice, { nullable: true, description: 'The viewer’s vote, if any.' })
  viewerVote!: DebateVoteChoice | null;
  @Field() createdAt!: Date;
}

@ObjectType('DebatePoint', {
  description: 'An anonymous point on the opinion map (no participant id, ever).',
})
export class DebatePointDto {
  @Field(() => Float) x!: number;
  @Field(() => Float) y!: number;
}

@ObjectType('DebateRepresentative', {
  description:
    'A statement that sets a group apart (Pol.is repness: its agreement — or disagreement — in the group is significantly above the rest).',
})
export class DebateRepresentativeDto {
  @Field(() => ID) statementId!: string;
  @Field() body!: string;
  @Field(() => DebateVoteChoice, {
    description: 'AGREE: the group agrees more than the others; DISAGREE: it disagrees more.',
  })
  repfulFor!: DebateVoteChoice;
  @Field(() => Float, {
    description: 'Share of the group’s voters on it who voted that way, 0–1 (raw, not smoothed).',
  })
  share!: number;
  @Field(() => Int, { description: 'Group members who voted that way.' }) successes!: number;
  @Field(() => Int, { description: 'Group members who voted on it (passes included).' })
  trials!: number;
  @Field(() => Float, {
    description: 'Smoothed rate in the group ÷ smoothed rate in the rest (Pol.is ra / rd).',
  })
  repness!: number;
  @Field({ description: 'Both z-tests above 1.2816 (one-sided 90 %).' }) significant!: boolean;
}

@ObjectType('DebateGroup', {
  description: 'An opinion group: a cloud of anonymous points and the statements that describe it.',
})
export class DebateGroupDto {
  @Field(() => Int, { description: '0-based, largest first.' }) id!: number;
  @Field({ description: 'Letter shown to people: A, B, C…' }) label!: string;
  @Field(() => Int) size!: number;
  @Field(() => DebatePointDto) centroid!: DebatePointDto;
  @Field(() => [DebatePointDto], {
    description: 'Members’ positions, sorted by coordinates (no order that could identify anyone).',
  })
  points!: DebatePointDto[];
  @Field(() => [DebateRepresentativeDto]) representatives!: DebateRepresentativeDto[];
}

@ObjectType('DebateGroupVotes', { description: 'How one group voted on one statement.' })
export class DebateGroupVotesDto {
  @Field(() => Int) groupId!: number;
  @Field(() => Int) agree!: number;
  @Field(() => Int) disagree!: number;
  @Field(() => Int, { description: 'Votes seen (agree + disagree + pass).' }) seen!: number;
}

@ObjectType('DebateStatementResult', {
  description:
    'A statement in the results: counts overall and per group, consensus and divisiveness.',
})
export class DebateStatementResultDto {
  @Field(() => ID) statementId!: string;
  @Field() body!: string;
  @Field(() => Int) agree!: number;
  @Field(() => Int) disagree!: number;
  @Field(() => Int) pass!: number;
  @Field(() => [DebateGroupVotesDto]) groups!: DebateGroupVotesDto[];
  @Field(() => Float, {
    description: 'Group-informed consensus: product over groups of (1 + agree) / (2 + seen), 0–1.',
  })
  consensus!: number;
  @Field(() => Float, {
    description: 'Half the spread of the groups’ opinions (agree − disagree) / (2 + seen), 0–1.',
  })
  divisiveness!: number;
}

@ObjectType('DebateViewerPosition', {
  description: 'The viewer’s own point on the map (only the viewer gets it).',
})
export class DebateViewerPositionDto {
  @Field(() => Float) x!: number;
  @Field(() => Float) y!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'The viewer’s group, null when left out (fewer than 7 votes).',
  })
  groupId!: number | null;
}

@ObjectType('DebateAnalysis', {
  description:
    'The latest analysis of a debate (recomputed in the background after votes, at most every N seconds).',
})
export class DebateAnalysisDto {
  @Field(() => ID) debateId!: string;
  @Field() computedAt!: Date;
  @Field(() => Int, { description: 'Time the computation took, in milliseconds.' })
  durationMs!: number;
  @Field(() => Int) participantCount!: number;
  @Field(() => Int, {
    description:
      'Participants placed in a group (at least 7 votes, or every statement when fewer).',
  })
  clusteredCount!: number;
  @Field(() => Int) voteCount!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Mean silhouette of the groups, −1–1 (higher = better separated); null without groups.',
  })
  silhouette!: number | null;
  @Field(() => [DebateGroupDto]) groups!: DebateGroupDto[];
  @Field(() => [DebatePointDto], {
    description: 'Participants with too few votes to be grouped (anonymous points).',
  })
  ungrouped!: DebatePointDto[];
  @Field(() => [DebateStatementResultDto], {
    description: 'Group-informed consensus, highest first (top 10).',
  })
  consensus!: DebateStatementResultDto[];
  @Field(() => [DebateStatementResultDto], {
    description: 'Most divisive statements first (top 10; empty with fewer than two groups).',
  })
  divisive!: DebateStatementResultDto[];
  @Field(() => [DebateStatementResultDto], {
    description: 'Every statement analysed, in creation order (for the accessible table).',
  })
  statements!: DebateStatementResultDto[];
  @Field(() => DebateViewerPositionDto, {
    nullable: true,
    description: 'The viewer’s own position; null when anonymous or not in this analysis.',
  })
  viewerPosition!: DebateViewerPositionDto | null;
}
