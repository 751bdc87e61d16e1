import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ProposalOrder, ProposalState } from '@concerto/domain';
import { SupportsState } from '../proposal.manifest';
import { PageInfoDto } from '../../../common/graphql/page-info.dto';
import { ResourceOriginDto } from '../../../common/graphql/resource-origin.dto';

export { ProposalOrder, ProposalState };
registerEnumType(ProposalState, {
  name: 'ProposalState',
  description: 'Where a proposal stands (Decidim states).',
});

registerEnumType(ProposalOrder, {
  name: 'ProposalOrder',
  description:
    'RANDOM is reproducible from a seed and fair; CONSENSUS (components with disagreementsEnabled) ranks by group-informed consensus across opinion groups, from a snapshot the cursor names; the others sort by a count or date with the id as tie-breaker.',
});

/** The caller's reaction to a proposal: a support or a « pas d'accord » (exclusive). */
export const ProposalReactionEnum = { SUPPORT: 'SUPPORT', DISAGREE: 'DISAGREE' } as const;
export type ProposalReaction = keyof typeof ProposalReactionEnum;
registerEnumType(ProposalReactionEnum, {
  name: 'ProposalReaction',
  description:
    'SUPPORT « soutien » or DISAGREE « pas d’accord »: a participant holds at most one per proposal.',
});
registerEnumType(SupportsState, {
  name: 'SupportsState',
  description: 'ENABLED, BLOCKED (counts shown, no new supports) or HIDDEN.',
});

@ObjectType('ProposalAuthor', { description: 'Public view of a proposal’s author.' })
export class ProposalAuthorDto {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('Proposal', { description: 'A proposal (Proposition) of a PROPOSALS component.' })
export class ProposalDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) componentId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Reference in the source document, e.g. "4.3-1".',
  })
  reference!: string | null;
  @Field() title!: string;
  @Field({ description: 'Sanitised HTML (a small set of tags: p, br, strong, em, ul, ol, li, a).' })
  body!: string;
  @Field(() => ProposalState, {
    description: 'As participants see it: unpublished answers show NOT_ANSWERED.',
  })
  state!: ProposalState;
  @Field(() => ProposalState, {
    nullable: true,
    description: 'The moderators’ state, published or not. Moderators only.',
  })
  internalState!: ProposalState | null;
  @Field(() => String, {
    nullable: true,
    description: 'Official answer, once published (moderators also see drafts).',
  })
  answer!: string | null;
  @Field(() => Date, { nullable: true }) answeredAt!: Date | null;
  @Field({ description: 'Whether the state and answer are visible to participants.' })
  answerPublished!: boolean;
  @Field({ description: 'Published by the organisation rather than a participant.' })
  official!: boolean;
  @Field(() => ProposalAuthorDto, { nullable: true, description: 'Null for official proposals.' })
  author!: ProposalAuthorDto | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Counted supports; null when the component hides supports.',
  })
  supportsCount!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      '« Pas d’accord » count; null unless the component has disagreementsEnabled (and shows supports, or the caller moderates).',
  })
  disagreementsCount!: number | null;
  @Field(() => Int) commentsCount!: number;
  @Field(() => Int) followsCount!: number;
  @Field(() => Int, { description: '0 = no threshold.' }) threshold!: number;
  @Field() publishedAt!: Date;
  @Field(() => Date, { nullable: true }) withdrawnAt!: Date | null;
  @Field({ description: 'Hidden by moderation (visible to moderators only).' }) hidden!: boolean;
  @Field({ description: 'The caller supports it.' }) viewerSupports!: boolean;
  @Field(() => ProposalReactionEnum, {
    nullable: true,
    description: 'The caller’s reaction: SUPPORT, DISAGREE, or null (none, or anonymous).',
  })
  viewerReaction!: ProposalReaction | null;
  @Field({ description: 'The caller follows it.' }) viewerFollows!: boolean;
  @Field({ description: 'The caller reported it.' }) viewerReported!: boolean;
  @Field({ description: 'The caller may edit it now (author, and no support yet).' })
  viewerCanEdit!: boolean;
  @Field(() => ResourceOriginDto, {
    nullable: true,
    description: 'What it comes from (a petition that became this proposal).',
  })
  origin!: ResourceOriginDto | null;
}

@ObjectType('ProposalEdge')
export class ProposalEdgeDto {
  @Field() cursor!: string;
  @Field(() => ProposalDto) node!: ProposalDto;
}

@ObjectType('ProposalConnection', { description: 'A page of proposals (Relay-style).' })
export class ProposalConnectionDto {
  @Field(() => [ProposalEdgeDto]) edges!: ProposalEdgeDto[];
  @Field(() => PageInfoDto) pageInfo!: PageInfoDto;
  @Field(() => Int, { description: 'Proposals matching the filter (counted on request).' })
  totalCount!: number;
  @Field(() => String, {
    nullable: true,
    description: 'Seed of the RANDOM order (keep it for the session); null for other orders.',
  })
  seed!: string | null;
  @Field(() => ProposalOrder) order!: ProposalOrder;
  @Field(() => Int, {
    nullable: true,
    description:
      'CONSENSUS only: the version of the ranking snapshot this page (and its cursors) follow.',
  })
  consensusVersion!: number | null;
}

@ObjectType('ProposalSettings', { description: 'Settings of a PROPOSALS component.' })
export class ProposalSettingsDto {
  @Field(() => SupportsState) supportsState!: SupportsState;
  @Field(() => Int, { description: 'Supports per participant in the component; 0 = unlimited.' })
  supportLimit!: number;
  @Field(() => Int, {
    description: 'Supports count only once a participant has given this many; 0 = from the first.',
  })
  minimumSupportsPerUser!: number;
  @Field(() => Int, { description: 'Supports a proposal needs; 0 = none.' }) threshold!: number;
  @Field() canAccumulateSupportsBeyondThreshold!: boolean;
  @Field() creationEnabled!: boolean;
  @Field({
    description: 'Participants may mark « pas d’accord », and the CONSENSUS order is offered.',
  })
  disagreementsEnabled!: boolean;
  @Field(() => Int, { description: 'Reports that hide content automatically.' })
  hideThreshold!: number;
  @Field() commentsEnabled!: boolean;
}

@ObjectType('ProposalComponentStatus', {
  description: 'A PROPOSALS component’s settings and the caller’s standing in it.',
})
export class ProposalComponentStatusDto {
  @Field(() => ID) componentId!: string;
  @Field(() => ProposalSettingsDto) settings!: ProposalSettingsDto;
  @Field(() => Int, { description: 'Supports the caller has given here.' })
  viewerSupportsGiven!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Supports the caller may still give; null = unlimited.',
  })
  viewerSupportsRemaining!: number | null;
  @Field({ description: 'The caller moderates this component’s space.' })
  viewerCanModerate!: boolean;
}

@ObjectType('Supporter')
export class SupporterDto {
  @Field(() => ID) userId!: string;
  @Field() name!: string;
  @Field() supportedAt!: Date;
  @Field({ description: 'False while the supporter has given fewer supports than the minimum.' })
  counted!: boolean;
}
