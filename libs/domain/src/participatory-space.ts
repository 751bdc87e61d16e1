/** Kinds of participatory space (Decidim's participatory spaces). UI: "Concertation" / "Assemblée". */
export const SpaceType = { PROCESS: 'PROCESS', ASSEMBLY: 'ASSEMBLY' } as const;
export type SpaceType = (typeof SpaceType)[keyof typeof SpaceType];

/** Kinds of component ("Fonctionnalité") a space can hold. */
export const ComponentType = {
  PROPOSALS: 'PROPOSALS',
  PARTICIPATORY_TEXT: 'PARTICIPATORY_TEXT',
  SURVEY: 'SURVEY',
  MOTIONS: 'MOTIONS',
  /** Votations: ballots of the whole filière or part of it (single, multiple, ranked, majority judgment). */
  VOTES: 'VOTES',
  /** Pétitions: members gather a committee, collect signatures up to a threshold within a period, and get an answer. */
  PETITIONS: 'PETITIONS',
  /** Rencontres: in-person, online or hybrid meetings with registrations. */
  MEETINGS: 'MEETINGS',
  /** Boîte à idées: ideas ranked from pairwise choices (wiki survey, Bradley–Terry scores). */
  IDEAS: 'IDEAS',
  /** Débat (Pol.is-style): short statements voted agree / disagree / pass; opinion groups and cross-group consensus. */
  DEBATE: 'DEBATE',
  /** Actualités: news posts of a space (rich text, image, scheduled publication), with an RSS/Atom feed. */
  NEWS: 'NEWS',
} as const;
export type ComponentType = (typeof ComponentType)[keyof typeof ComponentType];

/** Limits on space and component fields, shared by the API's validation and the web forms. */
export const SpaceLimits = {
  slugPattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  slugMaxLength: 80,
  titleMinLength: 3,
  titleMaxLength: 150,
  subtitleMaxLength: 300,
  descriptionMaxLength: 20000,
  phaseTitleMinLength: 1,
  phaseTitleMaxLength: 150,
  componentTitleMinLength: 3,
  componentTitleMaxLength: 150,
  /** An assembly member's college and vote weight (above 0, at most `memberWeightMax`). */
  memberCollegeMaxLength: 80,
  memberWeightMin: 0.001,
  memberWeightMax: 10000,
} as const;
