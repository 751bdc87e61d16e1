/**
 * Petitions (Décidim's initiatives: types, promoter committee, technical validation, signature
 * period, threshold, answer). Shared by the API and the web app.
 */

/**
 * Where a petition stands. CREATED, VALIDATING, PUBLISHED, DISCARDED and ANSWERED are stored;
 * ACCEPTED and REJECTED are decided from the database clock at read time once a PUBLISHED
 * petition's period has ended (threshold reached or not).
 */
export const PetitionState = {
  CREATED: 'CREATED',
  VALIDATING: 'VALIDATING',
  PUBLISHED: 'PUBLISHED',
  DISCARDED: 'DISCARDED',
  ACCEPTED: 'ACCEPTED',
  REJECTED: 'REJECTED',
  ANSWERED: 'ANSWERED',
} as const;
export type PetitionState = (typeof PetitionState)[keyof typeof PetitionState];

/** Who may sign the petitions of a type. */
export const PetitionSigners = { EVERYONE: 'EVERYONE', TYPOLOGIES: 'TYPOLOGIES' } as const;
export type PetitionSigners = (typeof PetitionSigners)[keyof typeof PetitionSigners];

/** Percentages of the threshold whose crossing notifies the author, committee and followers, once each. */
export const PETITION_MILESTONES = [25, 50, 75, 100] as const;

/** Limits of petition fields, checked by the API and the web forms alike. */
export const PetitionLimits = {
  titleMinLength: 3,
  titleMaxLength: 150,
  /** Characters of the sanitised HTML body / description / answer. */
  bodyMaxLength: 10000,
  reasonMaxLength: 2000,
  thresholdMax: 10_000_000,
  periodDaysMax: 366,
  committeeMax: 50,
} as const;

/** How the viewer is tied to a petition in « Mes pétitions »: any tie, author, committee member, signatory. */
export const MyPetitionRelation = {
  ALL: 'ALL',
  AUTHOR: 'AUTHOR',
  COMMITTEE: 'COMMITTEE',
  SIGNED: 'SIGNED',
} as const;
export type MyPetitionRelation = (typeof MyPetitionRelation)[keyof typeof MyPetitionRelation];
