import type { MotionOutcome, VoteChoice } from '@concerto/domain';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who voted on a motion: one row per (motion, user), held by the unique constraint
 * `motion_participations_once`. For a public ballot `ballotId` points at the choice; for a
 * secret ballot it is null and nothing links the member to a ballot.
 */
@Entity('motion_participations')
export class MotionParticipationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'motion_id' }) motionId!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('uuid', { name: 'member_id' }) memberId!: string;
  @Column('numeric', { precision: 8, scale: 3 }) weight!: string;
  @Column('uuid', { name: 'ballot_id', nullable: true }) ballotId!: string | null;
  @Column('timestamptz', { name: 'voted_at' }) votedAt!: Date;
  @Column('timestamptz', { name: 'changed_at', nullable: true }) changedAt!: Date | null;
}

/** What was chosen: no member reference and no timestamp (so a secret ballot stays anonymous). */
@Entity('motion_ballots')
export class MotionBallotEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'motion_id' }) motionId!: string;
  @Column('text') choice!: VoteChoice;
  @Column('numeric', { precision: 8, scale: 3 }) weight!: string;
}

/** The result of a closed motion, stored once (primary key = motion) and never updated. */
@Entity('motion_results')
export class MotionResultEntity {
  @PrimaryColumn('uuid', { name: 'motion_id' }) motionId!: string;
  @Column('text') outcome!: MotionOutcome;
  @Column('text') majority!: string;
  @Column('numeric', { name: 'quorum_percent' }) quorumPercent!: string;
  @Column('numeric', { name: 'for_weight' }) forWeight!: string;
  @Column('numeric', { name: 'against_weight' }) againstWeight!: string;
  @Column('numeric', { name: 'abstain_weight' }) abstainWeight!: string;
  @Column('integer', { name: 'voters_count' }) votersCount!: number;
  @Column('numeric', { name: 'voters_weight' }) votersWeight!: string;
  @Column('integer', { name: 'members_count' }) membersCount!: number;
  @Column('numeric', { name: 'members_weight' }) membersWeight!: string;
  @Column('boolean', { name: 'quorum_reached' }) quorumReached!: boolean;
  @Column('timestamptz', { name: 'computed_at' }) computedAt!: Date;
}

/** A scheduler event (OPENED, CLOSING_SOON, CLOSED), recorded once per (motion, kind). */
@Entity('motion_events')
export class MotionEventEntity {
  @PrimaryColumn('uuid', { name: 'motion_id' }) motionId!: string;
  @PrimaryColumn('text') kind!: 'OPENED' | 'CLOSING_SOON' | 'CLOSED';
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
