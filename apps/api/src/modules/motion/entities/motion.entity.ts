import type { MotionMajority } from '@concerto/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * A motion an assembly decides on. Its status (DRAFT, SCHEDULED, OPEN, CLOSED) is never
 * stored: it is derived from the clock and `opensAt`/`closesAt` (UTC) at read time.
 */
@Entity('motions')
export class MotionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'component_id' }) componentId!: string;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId!: string | null;
  @Column('text', { nullable: true }) reference!: string | null;
  @Column('text') title!: string;
  @Column('text') body!: string;
  @Column('timestamptz', { name: 'opens_at', nullable: true }) opensAt!: Date | null;
  @Column('timestamptz', { name: 'closes_at', nullable: true }) closesAt!: Date | null;
  @Column('text', { default: 'SIMPLE' }) majority!: MotionMajority;
  @Column('numeric', { name: 'quorum_percent', precision: 5, scale: 2, default: 0 })
  quorumPercent!: string;
  @Column('boolean', { name: 'secret_ballot', default: false }) secretBallot!: boolean;
  @Column('text', { name: 'quorum_basis', default: 'VOTING' }) quorumBasis!: 'VOTING' | 'PRESENT';
  @Column('uuid', { name: 'sitting_id', nullable: true }) sittingId!: string | null;
  @Column('boolean', { name: 'hide_tally_until_closed', default: false })
  hideTallyUntilClosed!: boolean;
  /** Where the motion comes from (a petition that became it); unique per origin (`motions_origin_once`). */
  @Column('text', { name: 'origin_type', nullable: true }) originType!: 'PETITION' | null;
  @Column('uuid', { name: 'origin_id', nullable: true }) originId!: string | null;
  /** The origin's title and web path when it was transformed. */
  @Column('text', { name: 'origin_title', nullable: true }) originTitle!: string | null;
  @Column('text', { name: 'origin_link', nullable: true }) originLink!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
