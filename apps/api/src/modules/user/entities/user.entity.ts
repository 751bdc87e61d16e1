import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * A person's account. E-mail is unique case-insensitively (index on `lower(email)`). A deleted
 * account stays as an anonymous tombstone (`deletedAt` set, no e-mail, no password hash, name
 * "Participant supprimé") so its supports and votes stay counted.
 */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  /** Null only for a deleted account. */
  @Column('text', { nullable: true }) email!: string;
  /** argon2id hash; null only for a deleted account. */
  @Column('text', { name: 'password_hash', select: false, nullable: true }) passwordHash!: string;
  /** When the address was proven by a mailed link; null until then. */
  @Column('timestamptz', { name: 'email_confirmed_at', nullable: true })
  emailConfirmedAt!: Date | null;
  @Column('boolean', { name: 'is_admin', default: false }) isAdmin!: boolean;
  @Column('boolean', { name: 'is_demo', default: false }) isDemo!: boolean;
  @Column('text', { default: 'fr' }) locale!: 'fr' | 'en';
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt!: Date | null;
}
