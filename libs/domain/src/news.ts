/**
 * Actualités (NEWS component): news posts of a space. DESIGN.md glossary: NewsPost (« Actualité »).
 * Decidim's `decidim-blogs`.
 */

/** Limits on news posts, shared by the API's validation and the web forms. */
export const NewsLimits = {
  titleMinLength: 3,
  titleMaxLength: 150,
  /** Visible characters of the body (the sanitised HTML may be longer). */
  bodyMaxLength: 20000,
  imageAltMaxLength: 250,
  /** Uploaded image, bytes. */
  imageMaxBytes: 5 * 1024 * 1024,
  /** Width of the stored image, pixels (height follows the aspect ratio, at most 2/1 of the width). */
  imageWidth: 1200,
  imageFormats: ['jpeg', 'png', 'webp', 'gif'] as const,
  /** Posts in a feed (RSS/Atom). */
  feedSize: 30,
  /** Posts on the home page. */
  homeSize: 3,
} as const;

/** Where a post stands, decided by PostgreSQL's clock at the read: SCHEDULED until `publishedAt`, then PUBLISHED. */
export const NewsPostStatus = { SCHEDULED: 'SCHEDULED', PUBLISHED: 'PUBLISHED' } as const;
export type NewsPostStatus = (typeof NewsPostStatus)[keyof typeof NewsPostStatus];
