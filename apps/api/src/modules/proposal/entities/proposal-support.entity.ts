import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One participant backing one proposal (unique per proposal and user). */
@Entity('proposal_supports')
export class ProposalSupportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'proposal_id' }) proposalId!: string;
  @Column('uuid', { name: 'component_id' }) componentId!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  /** False while the user has given fewer supports than the component's minimum. */
  @Column('boolean', { default: true }) counted!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
