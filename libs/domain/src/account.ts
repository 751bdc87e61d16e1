/**
 * Personal data rights (GDPR) and versioned legal documents, shared by the API and the web app.
 */

/** The display name a deleted account keeps on its public content (proposals, comments, amendments, public votes). */
export const DELETED_PARTICIPANT_NAME = 'Participant supprimé';

/** The legal documents a participant accepts at sign-up, each with increasing versions. */
export const TermsDocumentKind = {
  /** Conditions d'utilisation (terms of use), page `/conditions`. */
  TERMS: 'TERMS',
  /** Politique de confidentialité (privacy notice), page `/confidentialite`. */
  PRIVACY: 'PRIVACY',
} as const;
export type TermsDocumentKind = (typeof TermsDocumentKind)[keyof typeof TermsDocumentKind];

/** Where a "download my data" export stands, as its owner sees it. */
export const DataExportStatus = {
  /** Requested, waiting for the background worker. */
  PENDING: 'PENDING',
  /** Built; downloadable once until `expiresAt`. */
  READY: 'READY',
  /** Downloaded (the file is deleted at that moment). */
  DOWNLOADED: 'DOWNLOADED',
  /** Not downloaded within {@link DataExportRules.retentionDays} days; the file is deleted. */
  EXPIRED: 'EXPIRED',
  /** Building failed {@link DataExportRules.maxAttempts} times; request a new one. */
  FAILED: 'FAILED',
} as const;
export type DataExportStatus = (typeof DataExportStatus)[keyof typeof DataExportStatus];

/** Limits of the "download my data" exports. */
export const DataExportRules = {
  /** A ready export is kept this many days, then deleted. */
  retentionDays: 7,
  /** Building is retried this many times before the export is marked FAILED. */
  maxAttempts: 3,
} as const;
