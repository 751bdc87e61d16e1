import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A person's account. E-mail is unique case-insensitively (index on `lower(email)`). */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') email!: string;
  @Column('text', { name: 'password_hash', select: false }) passwordHash!: string;
  @Column('boolean', { name: 'is_admin', default: false }) isAdmin!: boolean;
  @Column('boolean', { name: 'is_demo', default: false }) isDemo!: boolean;
  @Column('text', { default: 'fr' }) locale!: 'fr' | 'en';
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
