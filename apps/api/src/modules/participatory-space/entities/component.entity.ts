import type { ComponentType } from '@concerto/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A component ("Fonctionnalité") of a space. `settings` holds the type's own options. */
@Entity('components')
export class ComponentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'space_id' }) spaceId!: string;
  @Column('text') type!: ComponentType;
  @Column('text') title!: string;
  @Column('text', { default: '' }) description!: string;
  @Column('int', { default: 0 }) position!: number;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
  @Column('jsonb', { default: {} }) settings!: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
