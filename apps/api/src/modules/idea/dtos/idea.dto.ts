import { IdeaModeration, IdeaOrigin, IdeaStatus, IdeaVoteChoice } from '@concerto/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

registerEnumType(IdeaStatus, {
  name: 'IdeaStatus',
  description: 'PENDING waits for a moderator, PUBLISHED is in the booth, REJECTED never shows.',
});
registerEnumType(IdeaOrigin, {
  name: 'IdeaOrigin',
  description: 'SEED: put in by an admin or moderator; PARTICIPANT: added by a participant.',
});
registerEnumType(IdeaVoteChoice, {
  name: 'IdeaVoteChoice',
  description:
    'LEFT or RIGHT preferred; SKIP (« Passer ») and DONT_KNOW (« Je ne sais pas ») are recorded but are not comparisons.',
});
registerEnumType(IdeaModeration, {
  name: 'IdeaModeration',
  description: 'PUBLISH puts the idea in the booth; REJECT keeps it out.',
});

@ObjectType('Idea', {
  description:
    'An idea of a Boîte à idées. Its author is never shown (wiki surveys judge ideas, not people).',
})
export class IdeaDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) boxId!: string;
  @Field({ description: 'Plain text, 3–280 characters.' }) body!: string;
  @Field(() => IdeaOrigin) origin!: IdeaOrigin;
  @Field(() => IdeaStatus) status!: IdeaStatus;
  @Field({ description: 'Reason given by the moderator who rejected it (empty otherwise).' })
  rejectionReason!: string;
  @Field({ description: 'Added by the caller.' }) mine!: boolean;
  @Field({ description: 'Hidden by moderation after reports.' }) hidden!: boolean;
  @Field(() => Int) commentsCount!: number;
  @Field(() => Int) followsCount!: number;
  @Field() createdAt!: Date;
}

@ObjectType('IdeaBox', {
  description:
    'A Boîte à idées: a question and the ideas that answer it, ranked from pairwise choices.',
})
export class IdeaBoxDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) componentId!: string;
  @Field(() => ID) spaceId!: string;
  @Field({
    description: 'The question (« Quelle action la filière doit-elle mener en priorité ? »).',
  })
  question!: string;
  @Field({ description: 'Plain text introduction.' }) description!: string;
  @Field() published!: boolean;
  @Field(() => Int, { description: 'Published ideas (in the booth), exact.' }) ideasCount!: number;
  @Field(() => Int, { description: 'Ideas waiting for a moderator, exact.' }) pendingCount!: number;
  @Field(() => Int, { description: 'Comparisons (LEFT or RIGHT answers), exact.' })
  comparisonsCount!: number;
  @Field({ description: 'Setting: participants may add ideas.' }) participantIdeasEnabled!: boolean;
  @Field({ description: 'Setting: participants’ ideas wait for a moderator.' })
  ideasModerated!: boolean;
  @Field({ description: 'Setting: people without an account may vote (one browser = one voter).' })
  anonymousVotingEnabled!: boolean;
  @Field({
    description:
      'The caller may moderate ideas here (space admin or moderator, organization admin).',
  })
  viewerCanModerate!: boolean;
  @Field({ description: 'Web path of the booth.' }) path!: string;
  @Field() isDemo!: boolean;
}

@ObjectType('IdeaPair', {
  description:
    'Two ideas shown to the caller, recorded on the server: a vote is accepted only for a pair shown to its voter.',
})
export class IdeaPairDto {
  @Field(() => ID) id!: string;
  @Field(() => IdeaDto) left!: IdeaDto;
  @Field(() => IdeaDto) right!: IdeaDto;
}

@ObjectType('IdeaVoteResult', {
  description:
    'The recorded answer and the next pair to show (null when the box has fewer than two ideas left to pair).',
})
export class IdeaVoteResultDto {
  @Field(() => ID) pairId!: string;
  @Field(() => IdeaVoteChoice) choice!: IdeaVoteChoice;
  @Field(() => IdeaPairDto, { nullable: true }) next!: IdeaPairDto | null;
}

@ObjectType('RankedIdea', {
  description:
    'One idea in the results, with its wiki-survey score (0–100: estimated chance to beat a randomly chosen other idea) and its 95 % interval.',
})
export class RankedIdeaDto {
  @Field(() => Int, { description: '1 = highest score.' }) rank!: number;
  @Field(() => IdeaDto) idea!: IdeaDto;
  @Field(() => Float, { description: '0–100.' }) score!: number;
  @Field(() => Float, { description: 'Lower end of the 95 % interval, 0–100.' }) scoreLow!: number;
  @Field(() => Float, { description: 'Upper end of the 95 % interval, 0–100.' }) scoreHigh!: number;
  @Field(() => Int, { description: 'Comparisons won (exact).' }) wins!: number;
  @Field(() => Int, { description: 'Comparisons lost (exact).' }) losses!: number;
}

@ObjectType('TypologyIdeaScore', {
  description: 'An idea’s score among the voters of one respondent type.',
})
export class TypologyIdeaScoreDto {
  @Field(() => ID) ideaId!: string;
  @Field(() => Float) score!: number;
  @Field(() => Float) scoreLow!: number;
  @Field(() => Float) scoreHigh!: number;
  @Field(() => Int) comparisons!: number;
}

@ObjectType('TypologyIdeaScores', {
  description:
    'Scores among the voters of one respondent type (profile typology); only types with enough voters are given.',
})
export class TypologyIdeaScoresDto {
  @Field(() => String, {
    nullable: true,
    description: 'Typology key; null for voters without a typology (or anonymous).',
  })
  typologyKey!: string | null;
  @Field({ description: 'French label.' }) label!: string;
  @Field(() => Int) votersCount!: number;
  @Field(() => Int) comparisonsCount!: number;
  @Field(() => [TypologyIdeaScoreDto], { description: 'In the order of the overall ranking.' })
  scores!: TypologyIdeaScoreDto[];
}

@ObjectType('IdeaResults', {
  description:
    'Ranked ideas of a box (Bradley–Terry fit of all comparisons; see README « Boîte à idées »).',
})
export class IdeaResultsDto {
  @Field(() => ID) boxId!: string;
  @Field(() => Int, { description: 'Comparisons (LEFT or RIGHT answers), exact.' })
  comparisonsCount!: number;
  @Field(() => Int, {
    description: 'Comparisons the scores include (the scores are refreshed about every second).',
  })
  scoredComparisons!: number;
  @Field(() => Int, { description: 'Voters with at least one comparison.' }) votersCount!: number;
  @Field(() => Int, { description: '« Passer » answers.' }) skipsCount!: number;
  @Field(() => Int, { description: '« Je ne sais pas » answers.' }) dontKnowCount!: number;
  @Field(() => [RankedIdeaDto]) ideas!: RankedIdeaDto[];
  @Field(() => [TypologyIdeaScoresDto], {
    description: 'Scores per respondent type with at least 5 voters.',
  })
  byTypology!: TypologyIdeaScoresDto[];
  @Field(() => Int, {
    description: 'Voters left out of byTypology because their type has fewer than 5 voters.',
  })
  votersInSmallTypologies!: number;
}
