import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ProposalState = 'NOT_ANSWERED' | 'EVALUATING' | 'ACCEPTED' | 'REJECTED' | 'WITHDRAWN';

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
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
