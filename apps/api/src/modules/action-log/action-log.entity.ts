import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ActionLogVisibility = 'PUBLIC' | 'ADMIN_ONLY' | 'PRIVATE';

/** One append-only trace line: who did what to which resource, when. */
@Entity('action_logs')
export class ActionLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'user_id', nullable: true }) userId!: string | null;
  @Column('text') action!: string;
  @Column('text', { name: 'resource_type' }) resourceType!: string;
  @Column('text', { name: 'resource_id', nullable: true }) resourceId!: string | null;
  @Column('uuid', { name: 'space_id', nullable: true }) spaceId!: string | null;
  @Column('text', { default: 'ADMIN_ONLY' }) visibility!: ActionLogVisibility;
  @Column('text', { default: '' }) summary!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
