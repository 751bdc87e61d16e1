/** Limits of a participatory text, checked by the API and the import form alike. */
export const ParticipatoryTextLimits = {
  /** Longest Markdown document an import accepts (characters). */
  importMaxLength: 500_000,
} as const;
