import type { AssemblyPosition } from '@concerto/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Membership of an assembly. One current membership per (space, user); leaving sets `leftAt`. */
@Entity('assembly_members')
export class AssemblyMemberEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'space_id' }) spaceId!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { default: 'MEMBER' }) position!: AssemblyPosition;
  @Column('text', { nullable: true }) college!: string | null;
  @Column('numeric', { precision: 8, scale: 3, default: 1 }) weight!: string;
  @Column('timestamptz', { name: 'joined_at', default: () => 'now()' }) joinedAt!: Date;
  @Column('timestamptz', { name: 'left_at', nullable: true }) leftAt!: Date | null;
}
