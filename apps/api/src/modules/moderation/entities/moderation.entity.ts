import type { ReportReason } from '@concerto/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type ReportableType =
  | 'PROPOSAL'
  | 'COMMENT'
  | 'PETITION'
  | 'MEETING'
  | 'BALLOT'
  | 'IDEA'
  | 'DEBATE'
  | 'DEBATE_STATEMENT'
  | 'NEWS_POST'
  | 'AMENDMENT';
export type { ReportReason };

/** The moderation state of one reportable resource: its report count and whether it is hidden. */
@Entity('moderations')
export class ModerationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text', { name: 'reportable_type' }) reportableType!: ReportableType;
  @Column('uuid', { name: 'reportable_id' }) reportableId!: string;
  @Column('uuid', { name: 'space_id' }) spaceId!: string;
  @Column('int', { name: 'report_count', default: 0 }) reportCount!: number;
  @Column('timestamptz', { name: 'hidden_at', nullable: true }) hiddenAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One user's report on a resource (one per user and resource). */
@Entity('reports')
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'moderation_id' }) moderationId!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') reason!: ReportReason;
  @Column('text', { default: '' }) details!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
