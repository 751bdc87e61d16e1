import type { ProposalState } from '@concerto/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type { ProposalState };

/** A proposal published in a PROPOSALS component. `official` ones come from the organisation (no author). */
@Entity('proposals')
export class ProposalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'component_id' }) componentId!: string;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId!: string | null;
  @Column('boolean', { default: false }) official!: boolean;
  @Column('text', { nullable: true }) reference!: string | null;
  @Column('text') title!: string;
  @Column('text') body!: string;
  @Column('text', { default: 'NOT_ANSWERED' }) state!: ProposalState;
  @Column('timestamptz', { name: 'published_at', default: () => 'now()' }) publishedAt!: Date;
  /** Dense 0-based index within the component, in creation order (drives the keyed random order). */
  @Column('int', { name: 'position_index' }) positionIndex!: number;
  /** Number of counted supports; kept equal to the counted rows of proposal_supports in the same transaction. */
  @Column('int', { name: 'supports_count', default: 0 }) supportsCount!: number;
  /** « Pas d'accord » rows of the proposal (kept in the same transaction as `proposal_disagreements`). */
  @Column('int', { name: 'disagreements_count', default: 0 }) disagreementsCount!: number;
  @Column('int', { name: 'comments_count', default: 0 }) commentsCount!: number;
  @Column('int', { name: 'follows_count', default: 0 }) followsCount!: number;
  @Column('text', { nullable: true }) answer!: string | null;
  @Column('timestamptz', { name: 'answered_at', nullable: true }) answeredAt!: Date | null;
  @Column('uuid', { name: 'answered_by', nullable: true }) answeredBy!: string | null;
  /** When the moderators' state and answer became visible to participants (null: not yet). */
  @Column('timestamptz', { name: 'state_published_at', nullable: true })
  statePublishedAt!: Date | null;
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt!: Date | null;
  @Column('timestamptz', { name: 'hidden_at', nullable: true }) hiddenAt!: Date | null;
  /** Where the proposal comes from (a petition that became it); unique per origin (`proposals_origin_once`). */
  @Column('text', { name: 'origin_type', nullable: true }) originType!: 'PETITION' | null;
  @Column('uuid', { name: 'origin_id', nullable: true }) originId!: string | null;
  /** The origin's title and web path when it was transformed (a published petition's title no longer changes). */
  @Column('text', { name: 'origin_title', nullable: true }) originTitle!: string | null;
  @Column('text', { name: 'origin_link', nullable: true }) originLink!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
