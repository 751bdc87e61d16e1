import type { SpaceType } from '@concerto/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A Concertation (PROCESS) or an Assemblée (ASSEMBLY). Visible to all once `publishedAt` is set. */
@Entity('participatory_spaces')
export class ParticipatorySpaceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') slug!: string;
  @Column('text') type!: SpaceType;
  @Column('text') title!: string;
  @Column('text', { default: '' }) subtitle!: string;
  @Column('text', { default: '' }) description!: string;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
  @Column('boolean', { name: 'is_demo', default: false }) isDemo!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
