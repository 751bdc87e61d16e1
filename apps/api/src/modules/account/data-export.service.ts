import { DataExportStatus } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { lockActiveAccount } from '../user/account-lock';
import { inTransaction, pgConstraint, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { ActionLogService } from '../action-log/action-log.service';
import { DataExportDto } from './dtos/account.dto';

/** Columns of an export as its owner sees it; a READY export past its expiry reads as EXPIRED. */
const EXPORT_COLUMNS = `e.id,
  CASE WHEN e.status = 'READY' AND e.expires_at <= now() THEN 'EXPIRED' ELSE e.status END AS status,
  e.requested_at AS "requestedAt", e.ready_at AS "readyAt", e.expires_at AS "expiresAt", e.downloaded_at AS "downloadedAt", e.byte_size AS "byteSize"`;

/** Path of the one-time download of an export. */
export const dataExportPath = (exportId: string) => `/exports/my-data/${exportId}.zip`;

const toDto = (row: Omit<DataExportDto, 'downloadPath'>): DataExportDto => ({
  ...row,
  downloadPath: row.status === DataExportStatus.READY ? dataExportPath(row.id) : null,
});

/** What a download attempt found. */
export type DataExportDownload =
  | { kind: 'file'; content: Buffer }
  | { kind: 'gone' }
  | { kind: 'notReady' }
  | { kind: 'notFound' };

/**
 * "Download my data" (GDPR art. 15 and 20): requests, the owner's list, and the one-time
 * download. The archive itself is built by {@link DataExportWorker}.
 */
@Injectable()
export class DataExportService {
  private readonly listeners = new Set<() => void>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actionLog: ActionLogService,
  ) {}

  /** Exports waiting for the worker (its queue depth, for the metrics). */
  async pendingCount(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM data_exports WHERE status = 'PENDING'`,
    );
    return row.n;
  }

  /**
   * Requests an export of the caller's data; the worker prepares it in the background and the
   * owner is notified (DATA_EXPORT_READY) when it is ready.
   * @param userId the signed-in owner
   * @returns the new export, PENDING
   * @throws CONFLICT an export of this user is already pending (partial unique index `data_exports_one_pending_key`)
   */
  async request(userId: string): Promise<DataExportDto> {
    let row: Omit<DataExportDto, 'downloadPath'> | undefined;
    try {
      row = await inTransaction(this.dataSource, async (manager) => {
        await lockActiveAccount(manager, userId); // not for an account being deleted
        const [created] = await queryRows<Omit<DataExportDto, 'downloadPath'>>(
          manager,
          `WITH e AS (INSERT INTO data_exports (user_id) VALUES ($1) RETURNING *) SELECT ${EXPORT_COLUMNS} FROM e`,
          [userId],
        );
        await this.actionLog.record(manager, {
          userId,
          action: 'request',
          resourceType: 'data_export',
          resourceId: created.id,
          visibility: 'PRIVATE',
          summary: 'Demande d’export de données',
        });
        return created;
      });
    } catch (error) {
      if (pgConstraint(error) === 'data_exports_one_pending_key') {
        throw DomainError.conflict('Un export de vos données est déjà en préparation.', {
          reason: 'EXPORT_PENDING',
        }).inEnglish('An export of your data is already being prepared.');
      }
      throw error;
    }
    for (const listener of this.listeners) listener();
    return toDto(row);
  }

  /**
   * The caller's exports, newest first (status computed at read time: a READY export past its
   * expiry is EXPIRED).
   * @param userId the signed-in owner
   */
  async listMine(userId: string): Promise<DataExportDto[]> {
    const rows = await this.dataSource.query(
      `SELECT ${EXPORT_COLUMNS} FROM data_exports e WHERE e.user_id = $1 ORDER BY e.requested_at DESC, e.id LIMIT 20`,
      [userId],
    );
    return rows.map(toDto);
  }

  /**
   * Hands the ZIP over once: one UPDATE takes the file and marks the export DOWNLOADED under
   * the row lock, so of concurrent downloads exactly one gets the file.
   * @param userId the signed-in caller
   * @param exportId the export
   * @returns the file, or why not: `gone` (already downloaded or expired: HTTP 410), `notReady`
   *          (PENDING or FAILED: 409), `notFound` (unknown, or another user's: 404)
   */
  async download(userId: string, exportId: string): Promise<DataExportDownload> {
    return inTransaction(this.dataSource, async (manager) => {
      const [taken] = await queryRows<{ content: Buffer }>(
        manager,
        `UPDATE data_exports d SET status = 'DOWNLOADED', downloaded_at = now(), content = NULL
           FROM (SELECT id, content FROM data_exports WHERE id = $1 AND user_id = $2 AND status = 'READY' AND expires_at > now() FOR UPDATE) old
          WHERE d.id = old.id
          RETURNING old.content`,
        [exportId, userId],
      );
      if (taken) {
        await this.actionLog.record(manager, {
          userId,
          action: 'download',
          resourceType: 'data_export',
          resourceId: exportId,
          visibility: 'PRIVATE',
          summary: 'Téléchargement de l’export de données',
        });
        return { kind: 'file', content: taken.content };
      }
      const [row] = await manager.query(
        `SELECT status FROM data_exports WHERE id = $1 AND user_id = $2`,
        [exportId, userId],
      );
      if (!row) return { kind: 'notFound' };
      return row.status === 'PENDING' || row.status === 'FAILED'
        ? { kind: 'notReady' }
        : { kind: 'gone' };
    });
  }

  /**
   * Deletes the files of exports not downloaded within `DataExportRules.retentionDays` days (status EXPIRED).
   * @returns how many expired now
   */
  async expire(): Promise<number> {
    const rows = await queryRows(
      this.dataSource.manager,
      `UPDATE data_exports SET status = 'EXPIRED', content = NULL WHERE status = 'READY' AND expires_at <= now() RETURNING id`,
    );
    return rows.length;
  }

  /** Registers a callback run after each committed request (the worker starts at once). @returns an unsubscribe function */
  onRequested(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
