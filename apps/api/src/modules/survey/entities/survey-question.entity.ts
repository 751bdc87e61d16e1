import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SurveyQuestionType =
  | 'SHORT_ANSWER' | 'LONG_ANSWER' | 'SINGLE_OPTION' | 'MULTIPLE_OPTION' | 'SCALE'
  | 'MATRIX_SINGLE' | 'MATRIX_MULTIPLE' | 'SORTING' | 'SEPARATOR' | 'TITLE_AND_DESCRIPTION';

/** Settings of a SCALE question: `points` and one label per point. */
export interface ScaleSettings {
  points: number;
  labels: string[];
}

/** One question of a survey, ordered by `position`. */
@Entity('survey_questions')
export class SurveyQuestionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'survey_id' }) surveyId!: string;
  @Column('int') position!: number;
  @Column('text') type!: SurveyQuestionType;
  @Column('text') body!: string;
  @Column('boolean', { default: false }) mandatory!: boolean;
  @Column('jsonb', { default: {} }) settings!: { scale?: ScaleSettings } & Record<string, unknown>;
}

/** One option of a choice question. */
@Entity('survey_question_options')
export class SurveyQuestionOptionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'question_id' }) questionId!: string;
  @Column('int') position!: number;
  @Column('text') body!: string;
  @Column('boolean', { name: 'free_text', default: false }) freeText!: boolean;
}
