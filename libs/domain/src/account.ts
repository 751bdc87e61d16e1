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

/** Limits of a published legal document version, in characters (checked by the API and the admin form). */
export const TermsLimits = { titleMax: 150, bodyMax: 50_000 } as const;

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

/**
 * Display names no one may take at sign-up, because the platform itself shows them: the name of
 * deleted accounts, and the titles of administrators and moderators (compared after
 * {@link foldDisplayName}, so case, accents, spacing, punctuation and common Cyrillic/Greek
 * look-alike letters do not get round it).
 */
export const RESERVED_DISPLAY_NAMES = [
  DELETED_PARTICIPANT_NAME,
  'Deleted participant',
  'Administrateur',
  'Administrator',
  'Admin',
  'Modérateur',
  'Moderator',
  'Concerto',
];

/** Cyrillic and Greek letters drawn like Latin ones (the usual impersonation set). */
const LOOKALIKES: Record<string, string> = {
  ı: 'i',
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};

/**
 * A display name reduced to what a reader tells apart: compatibility-normalised (NFKD), accents
 * removed, lower case, look-alike letters mapped to Latin, everything but letters and digits dropped.
 * @param name any display name
 * @returns e.g. "Participant  Supprimé!" → "participantsupprime"
 */
export function foldDisplayName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/./gu, (c) => LOOKALIKES[c] ?? c)
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Whether a display name would pass for one the platform shows itself ({@link RESERVED_DISPLAY_NAMES}).
 * @param name the name typed at sign-up
 */
export function isReservedDisplayName(name: string): boolean {
  const folded = foldDisplayName(name);
  return RESERVED_DISPLAY_NAMES.some((reserved) => foldDisplayName(reserved) === folded);
}
