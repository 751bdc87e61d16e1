import type { SpaceRole } from '@concerto/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A user's role in one space; unique per (space, user, role). */
@Entity('space_roles')
export class SpaceRoleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'space_id' }) spaceId!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') role!: SpaceRole;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
