import type { AssemblyPosition } from '@concerto/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An e-mail invitation to join an assembly; the token is stored only as its SHA-256 hash. */
@Entity('assembly_invitations')
export class AssemblyInvitationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'space_id' }) spaceId!: string;
  @Column('text') email!: string;
  @Column('text', { default: 'MEMBER' }) position!: AssemblyPosition;
  @Column('text', { nullable: true }) college!: string | null;
  @Column('numeric', { precision: 8, scale: 3, default: 1 }) weight!: string;
  @Column('text', { name: 'token_hash' }) tokenHash!: string;
  @Column('uuid', { name: 'invited_by', nullable: true }) invitedBy!: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt!: Date | null;
  @Column('uuid', { name: 'accepted_by', nullable: true }) acceptedBy!: string | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
}
