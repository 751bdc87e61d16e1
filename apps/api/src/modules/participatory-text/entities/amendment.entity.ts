import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type AmendableType = 'ARTICLE' | 'PROPOSAL';
export type AmendmentState = 'DRAFT' | 'EVALUATING' | 'ACCEPTED' | 'REJECTED' | 'WITHDRAWN';

/** An amendment: links an amendable (article or proposal) at `baseVersion` to an emendation (title + body). */
@Entity('amendments')
export class AmendmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text', { name: 'amendable_type' }) amendableType!: AmendableType;
  @Column('uuid', { name: 'amendable_id' }) amendableId!: string;
  @Column('uuid', { name: 'component_id' }) componentId!: string;
  @Column('uuid', { name: 'space_id' }) spaceId!: string;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId!: string | null;
  @Column('text') title!: string;
  @Column('text') body!: string;
  @Column('int', { name: 'base_version' }) baseVersion!: number;
  @Column('text') state!: AmendmentState;
  @Column('boolean') outdated!: boolean;
  @Column('text', { name: 'rejection_reason', nullable: true }) rejectionReason!: string | null;
  @Column('timestamptz', { name: 'answered_at', nullable: true }) answeredAt!: Date | null;
  @Column('uuid', { name: 'answered_by', nullable: true }) answeredBy!: string | null;
  @Column('int', { name: 'supports_count' }) supportsCount!: number;
  @Column('int', { name: 'comments_count' }) commentsCount!: number;
  @Column('uuid', { name: 'promoted_proposal_id', nullable: true }) promotedProposalId!:
    | string
    | null;
  /** Hidden by moderation (reports, a moderator, or a block of its author's account). */
  @Column('timestamptz', { name: 'hidden_at', nullable: true }) hiddenAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** One participant's support of an amendment (unique per amendment and user). */
@Entity('amendment_supports')
export class AmendmentSupportEntity {
  @PrimaryColumn('uuid', { name: 'amendment_id' }) amendmentId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
