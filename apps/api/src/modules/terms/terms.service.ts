import { TermsDocumentKind } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, pgErrorCode, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { ActionLogService } from '../action-log/action-log.service';
import { TermsAcceptanceDto, TermsDocumentDto } from './dtos/terms.dto';

const DOCUMENT_COLUMNS = `d.kind, d.version, d.title, d.body, d.published_at AS "publishedAt"`;
/** The current version of each kind (highest version). */
const CURRENT = `SELECT DISTINCT ON (d.kind) ${DOCUMENT_COLUMNS} FROM terms_documents d ORDER BY d.kind, d.version DESC`;

/**
 * Versioned legal documents (terms of use, privacy notice) and their acceptances.
 * Acceptances are written by one INSERT … SELECT that only matches current versions, so a
 * version published meanwhile is never accepted unseen (GDPR art. 7: consent to what was shown).
 */
@Injectable()
export class TermsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actionLog: ActionLogService,
  ) {}

  /** The current version of each document (TERMS and PRIVACY), in kind order. */
  async current(): Promise<TermsDocumentDto[]> {
    return this.dataSource.query(CURRENT);
  }

  /**
   * Current documents a user has not accepted yet (empty when up to date).
   * @param userId the account
   */
  async pendingFor(userId: string): Promise<TermsDocumentDto[]> {
    return this.dataSource.query(
      `SELECT * FROM (${CURRENT}) c
        WHERE NOT EXISTS (SELECT 1 FROM terms_acceptances a WHERE a.user_id = $1 AND a.kind = c.kind AND a.version = c.version)
        ORDER BY c.kind`,
      [userId],
    );
  }

  /**
   * Every acceptance of a user, newest first.
   * @param userId the account
   */
  async acceptancesOf(userId: string): Promise<TermsAcceptanceDto[]> {
    return this.dataSource.query(
      `SELECT kind, version, accepted_at AS "acceptedAt" FROM terms_acceptances WHERE user_id = $1 ORDER BY accepted_at DESC, kind, version DESC`,
      [userId],
    );
  }

  /**
   * Records, in the caller's transaction, that a user accepts the given versions; both must be
   * the current ones (a re-acceptance is harmless: `ON CONFLICT DO NOTHING`).
   * @param manager the caller's transaction
   * @param userId the account
   * @param versions the versions the user was shown
   * @returns how many acceptances were new (0 when both were already accepted)
   * @throws BAD_USER_INPUT `reason: 'TERMS_OUTDATED'` when either version is not the current one
   */
  async recordAcceptance(
    manager: EntityManager,
    userId: string,
    versions: { termsVersion: number; privacyVersion: number },
  ): Promise<number> {
    const [matched] = await manager.query(
      `WITH wanted(kind, version) AS (VALUES ('TERMS', $2::int), ('PRIVACY', $3::int)),
            current AS (SELECT kind, max(version) AS version FROM terms_documents GROUP BY kind),
            ok AS (SELECT w.kind, w.version FROM wanted w JOIN current c ON c.kind = w.kind AND c.version = w.version),
            ins AS (INSERT INTO terms_acceptances (user_id, kind, version)
                    SELECT $1, kind, version FROM ok WHERE (SELECT count(*) FROM ok) = 2
                    ON CONFLICT DO NOTHING RETURNING 1)
       SELECT (SELECT count(*) FROM ok)::int AS n, (SELECT count(*) FROM ins)::int AS inserted`,
      [userId, versions.termsVersion, versions.privacyVersion],
    );
    if (matched.n !== 2) {
      throw DomainError.badInput(
        'Les conditions d’utilisation ou la politique de confidentialité ont changé : relisez-les et acceptez la version en vigueur.',
        {
          field: 'terms',
          reason: 'TERMS_OUTDATED',
        },
      ).inEnglish(
        'The terms of use or the privacy policy have changed: read them again and accept the current version.',
      );
    }
    return matched.inserted;
  }

  /**
   * Records the current versions as accepted by an account created by the operator (the first
   * administrator, who publishes the documents), in the caller's transaction.
   * @param manager the caller's transaction
   * @param userId the account
   */
  async acceptCurrentForOperator(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO terms_acceptances (user_id, kind, version) SELECT $1, kind, max(version) FROM terms_documents GROUP BY kind ON CONFLICT DO NOTHING`,
      [userId],
    );
  }

  /**
   * The signed-in user accepts the current versions (after a new version was published).
   * @param userId the account
   * @param versions the versions shown to the user
   * @returns every acceptance of the user
   * @throws BAD_USER_INPUT `reason: 'TERMS_OUTDATED'` when a version is not the current one
   */
  async accept(
    userId: string,
    versions: { termsVersion: number; privacyVersion: number },
  ): Promise<TermsAcceptanceDto[]> {
    await inTransaction(this.dataSource, async (manager) => {
      // accepting again what is already accepted changes nothing, and writes no journal line
      if ((await this.recordAcceptance(manager, userId, versions)) === 0) return;
      await this.actionLog.record(manager, {
        userId,
        action: 'accept_terms',
        resourceType: 'terms_document',
        resourceId: `TERMS:${versions.termsVersion},PRIVACY:${versions.privacyVersion}`,
        visibility: 'PRIVATE',
        summary: 'Acceptation des conditions',
      });
    });
    return this.acceptancesOf(userId);
  }

  /**
   * Publishes a new version of a document (version = current + 1); every user then has to
   * accept it. Two simultaneous publications of one kind: one wins, the other gets CONFLICT
   * (primary key (kind, version)).
   * @param adminId the organization administrator
   * @param input kind, title and plain-text body; `expectedVersion`, the current version the text
   *        was written from (optional)
   * @throws CONFLICT another version was published at the same moment, or since
   *         `expectedVersion` (`reason: 'VERSION_CHANGED'`, nothing published); BAD_USER_INPUT
   *         (`reason: 'UNCHANGED'`) the title and text are those of the current version
   */
  async publish(
    adminId: string,
    input: {
      kind: TermsDocumentKind;
      title: string;
      body: string;
      expectedVersion?: number | null;
    },
  ): Promise<TermsDocumentDto> {
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        // version = current + 1, only if the current one is still the expected one; two
        // publications from the same version collide on the primary key (kind, version)
        const [row] = await queryRows<TermsDocumentDto>(
          manager,
          `INSERT INTO terms_documents AS d (kind, version, title, body)
           SELECT $1, coalesce(max(version), 0) + 1, $2, $3 FROM terms_documents WHERE kind = $1
           HAVING $4::int IS NULL OR coalesce(max(version), 0) = $4::int
           RETURNING ${DOCUMENT_COLUMNS}`,
          [
            input.kind,
            input.title,
            input.body.replace(/\r\n?/g, '\n'),
            input.expectedVersion ?? null,
          ],
        );
        if (!row)
          throw DomainError.conflict(
            'Une autre version a été publiée depuis : relisez-la avant de publier.',
            { reason: 'VERSION_CHANGED' },
          ).inEnglish('Another version has been published since: read it before publishing.');
        // a new version identical to the one before would send every member back to the acceptance page for nothing
        const [previous] = await manager.query(
          `SELECT title, body FROM terms_documents WHERE kind = $1 AND version = $2`,
          [row.kind, row.version - 1],
        );
        if (previous && previous.title === row.title && previous.body === row.body) {
          throw DomainError.badInput(
            'Ce texte est identique à la version en vigueur : rien à publier.',
            { field: 'body', reason: 'UNCHANGED' },
          ).inEnglish('This text is the same as the current version: nothing to publish.');
        }
        await this.actionLog.record(manager, {
          userId: adminId,
          action: 'publish',
          resourceType: 'terms_document',
          resourceId: `${row.kind}:${row.version}`,
          visibility: 'PUBLIC',
          summary: `${row.title} v${row.version}`,
        });
        return row;
      });
    } catch (error) {
      if (pgErrorCode(error) === '23505')
        throw DomainError.conflict('Une autre version vient d’être publiée.').inEnglish(
          'Another version has just been published.',
        );
      throw error;
    }
  }
}
