import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DataExportStatus } from '@concerto/domain';

/**
 * A "download my data" export: requested, built in the background by {@link DataExportWorker},
 * downloaded once. `content` (the ZIP) is present exactly while the export is READY (check).
 */
@Entity('data_exports')
export class DataExportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') status!: DataExportStatus;
  @Column('bytea', { nullable: true, select: false }) content!: Buffer | null;
  @Column('integer', { name: 'byte_size', nullable: true }) byteSize!: number | null;
  @Column('integer', { default: 0 }) attempts!: number;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt!: Date;
  @Column('timestamptz', { name: 'ready_at', nullable: true }) readyAt!: Date | null;
  @Column('timestamptz', { name: 'expires_at', nullable: true }) expiresAt!: Date | null;
  @Column('timestamptz', { name: 'downloaded_at', nullable: true }) downloadedAt!: Date | null;
}
