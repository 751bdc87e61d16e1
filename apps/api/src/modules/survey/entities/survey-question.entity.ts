import type { SurveyConditionKind, SurveyQuestionType } from '@concerto/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type { SurveyQuestionType };

/** Settings of a SCALE question: `points` and one label per point. */
export interface ScaleSettings {
  points: number;
  labels: string[];
}

/** Show a question only when another (earlier) question's answer meets this. */
export interface QuestionCondition {
  questionId: string;
  /** EQUALS / NOT_EQUALS an option (chosen / not chosen), or ANSWERED at all. */
  kind: SurveyConditionKind;
  optionId?: string | null;
}

/** What a question keeps in its `settings` jsonb column. */
export interface QuestionSettings {
  description?: string;
  section?: string;
  scale?: ScaleSettings;
  maxChoices?: number;
  maxCharacters?: number;
  condition?: QuestionCondition;
  [key: string]: unknown;
}

/** One question of a survey, ordered by `position`; `removedAt` set when removed after answers. */
@Entity('survey_questions')
export class SurveyQuestionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'survey_id' }) surveyId!: string;
  @Column('int') position!: number;
  @Column('text') type!: SurveyQuestionType;
  @Column('text') body!: string;
  @Column('boolean', { default: false }) mandatory!: boolean;
  @Column('jsonb', { default: {} }) settings!: QuestionSettings;
  @Column('timestamptz', { name: 'removed_at', nullable: true }) removedAt!: Date | null;
}

/** One option (or matrix row, kind ROW) of a question; `removedAt` set when removed after answers. */
@Entity('survey_question_options')
export class SurveyQuestionOptionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'question_id' }) questionId!: string;
  @Column('int') position!: number;
  @Column('text') body!: string;
  @Column('boolean', { name: 'free_text', default: false }) freeText!: boolean;
  @Column('text', { default: 'OPTION' }) kind!: 'OPTION' | 'ROW';
  @Column('timestamptz', { name: 'removed_at', nullable: true }) removedAt!: Date | null;
}
