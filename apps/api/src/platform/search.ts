import { SetMetadata } from '@nestjs/common';

/** What a search source is asked: one page of one resource type. */
export interface SearchRequest {
  /** The words typed (trimmed, 2–200 characters), read by `websearch_to_tsquery('french', …)`. */
  text: string;
  /** The caller, or null when anonymous: unpublished spaces and components only for their admins and moderators. */
  viewerId: string | null;
  /** At most this many hits (1–50). */
  first: number;
  /** Keyset: hits strictly after this one in (rank DESC, id DESC) order; absent for the first page. */
  after?: { rank: number; id: string };
}

/** One hit, before its excerpt is turned into safe HTML. */
export interface SearchSourceHit {
  id: string;
  title: string;
  /** Plain text around the matched words, each match between U+0001 and U+0002 (`ts_headline`). */
  excerpt: string;
  /** The web page of the resource (`/espaces/<slug>/f/<component>/…`). */
  link: string;
  spaceTitle: string;
  /** `ts_rank` of the resource's vector against the query (higher first). */
  rank: number;
}

/** A page of one type: the hits, and the number of matches when it is the first page. */
export interface SearchSourcePage {
  hits: SearchSourceHit[];
  totalCount: number | null;
}

/**
 * A resource type's part of the global search, registered by the module that owns its table
 * (a provider marked {@link SearchSourceAdapter}): it searches its own full-text index (a
 * generated `search_vector` column: French stemming, accents ignored through `concerto_unaccent`)
 * among the resources the viewer may see — published, not hidden, in a space and component
 * visible to them. The search module discovers the sources and never names their tables.
 */
export interface SearchSource {
  /** The resource type (`PROPOSAL`, `MEETING`, …): a value of the `SearchResultType` enum. */
  readonly type: string;
  /** Order of the groups on the results page (lower first). */
  readonly order: number;
  search(request: SearchRequest): Promise<SearchSourcePage>;
}

export const SEARCH_SOURCE = 'concerto:search-source';

/** Marks a provider as a {@link SearchSource}. */
export const SearchSourceAdapter = () => SetMetadata(SEARCH_SOURCE, true);

/** `ts_headline` options shared by the sources: about 15–35 words around the first match, matches between U+0001 and U+0002. */
export const HEADLINE_OPTIONS = `StartSel=${'\u0001'}, StopSel=${'\u0002'}, MaxWords=35, MinWords=15`;

/**
 * The SQL pieces every source repeats around its own table. Parameters, as {@link runSearch}
 * passes them: `$1` the text, `$2`/`$3` the keyset rank and id (null on the first page), `$4`
 * the viewer id (null when anonymous), `$5` the page size. The source writes the SELECT (columns
 * `id, title, excerpt, slug, space_title, component_id, rank, total` plus what its link needs),
 * its FROM and its visibility rules.
 */
export const searchSql = {
  query: `websearch_to_tsquery('french', concerto_unaccent($1))`,
  /** `ts_rank` of a vector column against the query. */
  rank: (vector: string) =>
    `ts_rank(${vector}, websearch_to_tsquery('french', concerto_unaccent($1)))`,
  /** Headline over the original text (accents kept, tags dropped); `text` is an SQL expression of plain text or HTML. */
  headline: (text: string) =>
    `ts_headline('french', regexp_replace(${text}, '<[^>]+>', ' ', 'g'), websearch_to_tsquery('french', $1), '${HEADLINE_OPTIONS}')`,
  /** The keyset condition: rows after ($2, $3) in (rank DESC, id DESC) order; true on the first page. */
  after: (rank: string, id: string) =>
    `($2::real IS NULL OR ${rank} < $2::real OR (${rank} = $2::real AND ${id} < $3::uuid))`,
  /** Page order and size. */
  page: (id: string) => `ORDER BY rank DESC, ${id} DESC LIMIT $5`,
};

/** A row of a source's search SQL (see {@link searchSql}). */
export interface SearchRow {
  id: string;
  title: string;
  excerpt: string;
  slug: string;
  space_title: string;
  component_id: string;
  rank: number;
  total: string;
  [column: string]: unknown;
}

/**
 * Runs a source's search SQL with the parameters {@link searchSql} documents and maps its rows.
 * @param query something with `query(sql, params)` (a DataSource or an EntityManager)
 * @param link the web path of a row (see {@link componentPath})
 */
export async function runSearch(
  query: { query(sql: string, params: unknown[]): Promise<unknown> },
  request: SearchRequest,
  sql: string,
  link: (row: SearchRow) => string,
): Promise<SearchSourcePage> {
  const rows = (await query.query(sql, [
    request.text,
    request.after?.rank ?? null,
    request.after?.id ?? null,
    request.viewerId,
    request.first,
  ])) as SearchRow[];
  return {
    hits: rows.map((row) => ({
      id: row.id,
      title: row.title,
      excerpt: row.excerpt ?? '',
      link: link(row),
      spaceTitle: row.space_title,
      rank: Number(row.rank),
    })),
    totalCount: request.after ? null : Number(rows[0]?.total ?? 0),
  };
}

/** The web path of a component's page, the base of its resources' links. */
export const componentPath = (spaceSlug: string, componentId: string): string =>
  `/espaces/${spaceSlug}/f/${componentId}`;
