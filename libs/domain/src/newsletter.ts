/** Limits of a newsletter's fields, checked by the API and the web forms alike. */
export const NewsletterLimits = {
  subjectMaxLength: 200,
  /** Visible characters of the sanitised text. */
  bodyMaxLength: 50_000,
  maxSpaces: 50,
  maxTypologies: 50,
} as const;
