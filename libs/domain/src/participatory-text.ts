/** Limits of a participatory text, checked by the API and the import form alike. */
export const ParticipatoryTextLimits = {
  /** Longest Markdown document an import accepts (characters). */
  importMaxLength: 500_000,
} as const;

/** Limits of an amendment, checked by the API and the amendment forms alike. */
export const AmendmentLimits = {
  titleMin: 15,
  titleMax: 150,
  /** Characters of an article's new text (Markdown). */
  articleBodyMax: 10_000,
  /** Visible characters of a proposal's new text. */
  proposalBodyMax: 3_000,
  reasonMax: 5_000,
} as const;
