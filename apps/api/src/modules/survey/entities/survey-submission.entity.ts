import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One respondent's whole set of answers to a survey, against the survey version it was given
 * for. Unique per (survey, user) and per (survey, anonymous token hash).
 */
@Entity('survey_submissions')
export class SurveySubmissionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'survey_id' }) surveyId!: string;
  @Column('uuid', { name: 'user_id', nullable: true }) userId!: string | null;
  @Column('text', { name: 'anonymous_token_hash', nullable: true }) anonymousTokenHash!:
    | string
    | null;
  @Column('int', { name: 'survey_version' }) surveyVersion!: number;
  @Column('boolean', { name: 'is_demo', default: false }) isDemo!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
