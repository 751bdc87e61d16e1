import type { CommentAlignment } from '@concerto/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type CommentableType =
  | 'PROPOSAL'
  | 'ARTICLE'
  | 'MOTION'
  | 'AMENDMENT'
  | 'PETITION'
  | 'MEETING'
  | 'BALLOT'
  | 'IDEA'
  | 'DEBATE'
  | 'NEWS_POST';
export type { CommentAlignment };

/** A comment in a thread on a commentable resource; replies nest up to depth 2 (three levels). */
@Entity('comments')
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text', { name: 'commentable_type' }) commentableType!: CommentableType;
  @Column('uuid', { name: 'commentable_id' }) commentableId!: string;
  @Column('uuid', { name: 'space_id' }) spaceId!: string;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId!: string | null;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
  @Column('smallint', { default: 0 }) depth!: number;
  @Column('text') body!: string;
  @Column('text', { default: 'NEUTRAL' }) alignment!: CommentAlignment;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'edited_at', nullable: true }) editedAt!: Date | null;
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt!: Date | null;
  @Column('timestamptz', { name: 'hidden_at', nullable: true }) hiddenAt!: Date | null;
}
