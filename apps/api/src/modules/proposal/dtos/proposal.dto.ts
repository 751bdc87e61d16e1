import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ProposalEntity } from '../entities/proposal.entity';

export const ProposalStateEnum = {
  NOT_ANSWERED: 'NOT_ANSWERED',
  EVALUATING: 'EVALUATING',
  ACCEPTED: 'ACCEPTED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
registerEnumType(ProposalStateEnum, { name: 'ProposalState', description: 'Where a proposal stands (Decidim states).' });

@ObjectType('Proposal', { description: 'A proposal (Proposition) of a PROPOSALS component.' })
export class ProposalDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) componentId!: string;
  @Field(() => String, { nullable: true, description: 'Reference in the source document, e.g. "4.3-1".' }) reference!: string | null;
  @Field() title!: string;
  @Field({ description: 'Sanitised text; paragraphs separated by blank lines.' }) body!: string;
  @Field(() => ProposalStateEnum) state!: keyof typeof ProposalStateEnum;
  @Field({ description: 'Published by the organisation rather than a participant.' }) official!: boolean;
  @Field(() => String, { nullable: true, description: 'Author display name; null for official proposals.' }) authorName!: string | null;
  @Field() publishedAt!: Date;
}

/** Maps a proposal row (and its author's name) to its GraphQL view. */
export function toProposalDto(p: ProposalEntity, authorName: string | null): ProposalDto {
  return {
    id: p.id,
    componentId: p.componentId,
    reference: p.reference,
    title: p.title,
    body: p.body,
    state: p.state,
    official: p.official,
    authorName,
    publishedAt: p.publishedAt,
  };
}
