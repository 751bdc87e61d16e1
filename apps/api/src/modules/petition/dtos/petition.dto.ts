import { PetitionSigners, PetitionState } from '@concerto/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

registerEnumType(PetitionState, {
  name: 'PetitionState',
  description:
    'CREATED → VALIDATING → PUBLISHED or DISCARDED → ACCEPTED / REJECTED (read from the clock at the period end) → ANSWERED.',
});
registerEnumType(PetitionSigners, {
  name: 'PetitionSigners',
  description:
    'EVERYONE: every signed-in member; TYPOLOGIES: members whose profile typology is listed.',
});

export const PetitionOutcomeTypeEnum = { PROPOSAL: 'PROPOSAL', MOTION: 'MOTION' } as const;
/** What an accepted petition can become: a proposal (PROPOSALS component) or a draft motion (MOTIONS component). */
export type PetitionOutcomeType = keyof typeof PetitionOutcomeTypeEnum;
registerEnumType(PetitionOutcomeTypeEnum, {
  name: 'PetitionOutcomeType',
  description:
    'PROPOSAL: a proposal of a PROPOSALS component; MOTION: a draft motion of an Assemblée’s MOTIONS component.',
});

@ObjectType('PetitionSecondStage', {
  description: 'Where an accepted petition of a type can go: a PROPOSALS or MOTIONS component.',
})
export class PetitionSecondStageDto {
  @Field(() => ID) componentId!: string;
  @Field(() => PetitionOutcomeTypeEnum, {
    description: 'PROPOSAL for a PROPOSALS component, MOTION for a MOTIONS component.',
  })
  type!: PetitionOutcomeType;
  @Field({ description: 'The component’s title.' }) componentTitle!: string;
  @Field({ description: 'The title of the space holding it (Concertation, Assemblée).' })
  spaceTitle!: string;
  @Field({ description: 'The component’s page in the web app.' }) link!: string;
}

@ObjectType('PetitionOutcome', {
  description: 'What an answered petition became: a proposal or a motion.',
})
export class PetitionOutcomeDto {
  @Field(() => PetitionOutcomeTypeEnum) type!: PetitionOutcomeType;
  @Field(() => ID) id!: string;
  @Field({ description: 'Its page in the web app (a motion: the Assemblée’s motions).' })
  link!: string;
}

@ObjectType('PetitionType', {
  description:
    'A kind of petition set by organization admins: threshold, period, committee, who signs.',
})
export class PetitionTypeDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) componentId!: string;
  @Field() title!: string;
  @Field({ description: 'Sanitised HTML.' }) description!: string;
  @Field(() => Int, { description: 'Signatures needed (≥ 1).' }) threshold!: number;
  @Field(() => Int, { description: 'Length of the signature period, in days from publication.' })
  periodDays!: number;
  @Field(() => Int, {
    description: 'Accepted committee members needed before submission (the author not counted).',
  })
  minCommitteeSize!: number;
  @Field(() => PetitionSigners) signers!: PetitionSigners;
  @Field(() => [String], { description: 'Typology keys allowed to sign (TYPOLOGIES only).' })
  typologies!: string[];
  @Field({ description: 'Whether signers’ names are listed publicly.' }) publicSignatures!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'Second stage of an accepted petition (a Concertation’s proposals, the Assemblée’s motions): https:// or a path of this site.',
  })
  secondStageUrl!: string | null;
  @Field(() => PetitionSecondStageDto, {
    nullable: true,
    description:
      'The component an accepted petition of this type can become a proposal or a draft motion of (answerPetition with transformTo).',
  })
  secondStage!: PetitionSecondStageDto | null;
}

@ObjectType('PetitionCommitteeMember', {
  description: 'A member of the promoter committee (accepted an invitation).',
})
export class PetitionCommitteeMemberDto {
  @Field(() => ID) userId!: string;
  @Field() acceptedAt!: Date;
}

@ObjectType('Petition', {
  description:
    'A petition: committee, validation, signatures up to a threshold within a period, answer.',
})
export class PetitionDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) componentId!: string;
  @Field(() => ID) spaceId!: string;
  @Field({
    description: 'Its page in the web app (/espaces/<slug>/f/<componentId>/petitions/<id>).',
  })
  link!: string;
  @Field(() => PetitionTypeDto) type!: PetitionTypeDto;
  @Field(() => ID, { nullable: true, description: 'Null once the author’s account is deleted.' })
  authorId!: string | null;
  @Field() title!: string;
  @Field({ description: 'Sanitised HTML.' }) body!: string;
  @Field(() => PetitionState, {
    description: 'ACCEPTED / REJECTED are decided from the database clock at this read.',
  })
  state!: PetitionState;
  @Field(() => String, { nullable: true }) discardReason!: string | null;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'End of the signature period (exclusive).' })
  endsAt!: Date | null;
  @Field(() => Int, {
    description: 'Counted signatures: equals the rows; frozen at the period end.',
  })
  signaturesCount!: number;
  @Field(() => Int, { description: 'The type’s threshold.' }) threshold!: number;
  @Field(() => Int, { description: 'Accepted committee members.' }) committeeSize!: number;
  @Field(() => [PetitionCommitteeMemberDto]) committee!: PetitionCommitteeMemberDto[];
  @Field(() => String, { nullable: true, description: 'The official answer (sanitised HTML).' })
  answer!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Link to what the petition became (proposal, motion): the created one’s page when it was transformed, else the admin’s link.',
  })
  answerUrl!: string | null;
  @Field(() => PetitionOutcomeDto, {
    nullable: true,
    description: 'The proposal or motion the petition became, when the answer transformed it.',
  })
  outcome!: PetitionOutcomeDto | null;
  @Field(() => Date, { nullable: true }) answeredAt!: Date | null;
  @Field(() => Int) commentsCount!: number;
  @Field() createdAt!: Date;
  @Field({ description: 'Database clock at this read (remaining time = endsAt − readAt).' })
  readAt!: Date;
  @Field() viewerIsAuthor!: boolean;
  @Field() viewerInCommittee!: boolean;
  @Field() viewerHasSigned!: boolean;
  @Field({ description: 'The viewer follows it (notified of milestones, publication, answer).' })
  viewerFollows!: boolean;
  @Field({ description: 'Published, collecting, and the viewer is allowed by the type.' })
  viewerCanSign!: boolean;
  @Field({ description: 'Space admin or organization admin: validate, discard, answer.' })
  viewerCanAdminister!: boolean;
}

@ObjectType('PetitionEdge')
export class PetitionEdgeDto {
  @Field({ description: 'Opaque; pass it as `after` for the next page.' }) cursor!: string;
  @Field(() => PetitionDto) node!: PetitionDto;
}

@ObjectType('PetitionConnection', {
  description: 'A page of petitions, newest first (Relay-style).',
})
export class PetitionConnectionDto {
  @Field(() => [PetitionEdgeDto]) edges!: PetitionEdgeDto[];
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}
