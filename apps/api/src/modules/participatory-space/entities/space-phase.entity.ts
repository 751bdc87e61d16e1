import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A phase (Decidim "step") of a process. At most one active per space (partial unique index). */
@Entity('space_phases')
export class SpacePhaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'space_id' }) spaceId!: string;
  @Column('int') position!: number;
  @Column('text') title!: string;
  @Column('text', { default: '' }) description!: string;
  @Column('date', { name: 'start_date', nullable: true }) startDate!: string | null;
  @Column('date', { name: 'end_date', nullable: true }) endDate!: string | null;
  @Column('boolean', { default: false }) active!: boolean;
}
