import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * The questionnaire of a SURVEY component (one per component). Open between `opensAt` and
 * `closesAt` (decided at read time). `version` goes up when a change after the first answer
 * would change the meaning of stored answers (an option or question removed, a type changed).
 */
@Entity('surveys')
export class SurveyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'component_id' }) componentId!: string;
  @Column('text') title!: string;
  @Column('text', { default: '' }) description!: string;
  @Column('timestamptz', { name: 'opens_at', nullable: true }) opensAt!: Date | null;
  @Column('timestamptz', { name: 'closes_at', nullable: true }) closesAt!: Date | null;
  @Column('int', { default: 1 }) version!: number;
  @Column('boolean', { name: 'allow_anonymous', default: false }) allowAnonymous!: boolean;
  @Column('text', { default: '' }) terms!: string;
  @Column('timestamptz', { name: 'results_published_at', nullable: true })
  resultsPublishedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
