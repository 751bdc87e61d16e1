import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The questionnaire of a SURVEY component (one per component). Open between `opensAt` and `closesAt`. */
@Entity('surveys')
export class SurveyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'component_id' }) componentId!: string;
  @Column('text') title!: string;
  @Column('text', { default: '' }) description!: string;
  @Column('timestamptz', { name: 'opens_at', nullable: true }) opensAt!: Date | null;
  @Column('timestamptz', { name: 'closes_at', nullable: true }) closesAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
