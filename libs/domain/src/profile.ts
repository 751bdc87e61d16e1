/**
 * Member profiles (Profil): who a member is — pseudo, organisation, typology (the respondent
 * types of annex 1 of the filière's 2021 report) — shared by the API and the web app.
 */

/** Who may read one field of a profile; the owner always reads their own. */
export const FieldVisibility = {
  /** Anyone, signed in or not (the public page « /membres/:pseudo »). */
  PUBLIC: 'PUBLIC',
  /** Signed-in members of the platform. */
  MEMBERS: 'MEMBERS',
  /** Organization administrators only. */
  ADMINS: 'ADMINS',
} as const;
export type FieldVisibility = (typeof FieldVisibility)[keyof typeof FieldVisibility];

/** The profile fields whose visibility the member chooses (pseudo and display name are always public). */
export const PROFILE_FIELDS = [
  'organisation',
  'typology',
  'roleTitle',
  'bio',
  'avatar',
  'website',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Limits of a profile, held by the database too (check constraints). */
export const ProfileRules = {
  /** Pseudo: 3–30 characters, lower-case letters a–z, digits and hyphens, starting and ending with a letter or digit. */
  pseudoPattern: /^[a-z0-9][a-z0-9-]{1,28}[a-z0-9]$/,
  pseudoMinLength: 3,
  pseudoMaxLength: 30,
  organisationMaxLength: 150,
  roleTitleMaxLength: 100,
  bioMaxLength: 600,
  websiteMaxLength: 300,
  typologyLabelMaxLength: 120,
  /** Largest avatar upload accepted, in bytes (5 MiB). */
  avatarMaxBytes: 5 * 1024 * 1024,
  /** Avatar image formats accepted (read from the file's content, not its name). */
  avatarFormats: ['jpeg', 'png', 'webp', 'gif'] as const,
  /** Side of the stored square avatar, in pixels. */
  avatarSize: 256,
} as const;

/** Pseudos no one may take (paths of the web app and names the platform shows). */
export const RESERVED_PSEUDOS = [
  'moi',
  'admin',
  'administrateur',
  'administrator',
  'moderateur',
  'moderator',
  'concerto',
  'participant-supprime',
  'deleted-participant',
  'membres',
  'nouveau',
];
