import { Injectable, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DiscoveryService } from '@nestjs/core';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { SEARCH_SOURCE, type SearchSource } from '../../platform/search';
import type { SearchGroupDto, SearchResultsDto, SearchResultType } from './search.dto';
import { excerptHtml } from './search-excerpt';

/** Bounds of a search. */
export const SEARCH_LIMITS = {
  minLength: 2,
  maxLength: 200,
  maxFirst: 50,
  defaultFirst: 5,
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a cursor is bound to: its type and (a digest of) its words, so it pages only the search that made it. */
const scopeOf = (type: string, text: string) =>
  `${type}:${createHash('sha256').update(text.toLowerCase()).digest('base64url').slice(0, 12)}`;

/** Cursor of a hit: its rank and id, and the search it belongs to (opaque to clients). */
const cursorOf = (rank: number, id: string, scope: string) =>
  Buffer.from(JSON.stringify([rank, id, scope])).toString('base64url');

function parseCursor(after: string, scope: string): { rank: number; id: string } {
  try {
    const [rank, id, made] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as [
      unknown,
      unknown,
      unknown,
    ];
    if (
      typeof rank === 'number' &&
      Number.isFinite(rank) &&
      typeof id === 'string' &&
      UUID.test(id) &&
      made === scope
    )
      return { rank, id };
  } catch {
    // falls through
  }
  throw DomainError.badInput('Curseur invalide pour cette recherche (mêmes mots et même type).', {
    field: 'after',
  }).inEnglish('Invalid cursor for this search (same words and same type).');
}

/**
 * Global search (« Rechercher »): asks every registered {@link SearchSource} — each searches its
 * own full-text index among what the caller may see — and groups the hits by resource type, best
 * first (`ts_rank`), keyset-paged per type. French stemming and accents ignored (PostgreSQL's
 * `french` configuration over `unaccent`), web-search syntax (`"exact phrase"`, `-without`, `or`).
 */
@Injectable()
export class SearchService implements OnModuleInit {
  private sources: SearchSource[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.sources = this.discovery
      .getProviders()
      .filter((w) => w.instance && w.metatype && Reflect.getMetadata(SEARCH_SOURCE, w.metatype))
      .map((w) => w.instance as SearchSource)
      .sort((a, b) => a.order - b.order);
  }

  /** The resource types registered, in group order. */
  types(): string[] {
    return this.sources.map((s) => s.type);
  }

  /**
   * @param query the words (2–200 characters once trimmed)
   * @param types restrict to these types (all when absent or empty)
   * @param first hits per group (1–50)
   * @param after cursor of a group's last hit (`pageInfo.endCursor`): only with exactly one type, the
   *   same type and words as the search that made it
   * @param viewer the caller, or null (anyone may search; each source applies visibility)
   * @throws BAD_USER_INPUT (field `query`, `first`, `after` or `types`)
   */
  async search(
    query: string,
    types: SearchResultType[] | undefined,
    first: number,
    after: string | undefined,
    viewer: Viewer | null,
  ): Promise<SearchResultsDto> {
    const text = query.trim();
    if (text.length < SEARCH_LIMITS.minLength)
      throw DomainError.badInput(`Au moins ${SEARCH_LIMITS.minLength} caractères.`, {
        field: 'query',
      }).inEnglish(`At least ${SEARCH_LIMITS.minLength} characters.`);
    if (text.length > SEARCH_LIMITS.maxLength)
      throw DomainError.badInput(`${SEARCH_LIMITS.maxLength} caractères au plus.`, {
        field: 'query',
      }).inEnglish(`At most ${SEARCH_LIMITS.maxLength} characters.`);
    if (!Number.isInteger(first) || first < 1 || first > SEARCH_LIMITS.maxFirst)
      throw DomainError.badInput(`Entre 1 et ${SEARCH_LIMITS.maxFirst}.`, {
        field: 'first',
      }).inEnglish(`From 1 to ${SEARCH_LIMITS.maxFirst}.`);
    const wanted = types?.length
      ? this.sources.filter((s) => types.includes(s.type as SearchResultType))
      : this.sources;
    if (after !== undefined && wanted.length !== 1)
      throw DomainError.badInput('after : seulement avec un seul type (types).', {
        field: 'after',
      }).inEnglish('Only with a single type (types).');
    const cursor =
      after === undefined ? undefined : parseCursor(after, scopeOf(wanted[0].type, text));
    const pages = await Promise.all(
      wanted.map((source) =>
        source.search({ text, viewerId: viewer?.user.id ?? null, first: first + 1, after: cursor }),
      ),
    );
    const groups: SearchGroupDto[] = [];
    wanted.forEach((source, i) => {
      const page = pages[i];
      if (!page.hits.length) return;
      const hits = page.hits.slice(0, first);
      const last = hits[hits.length - 1];
      groups.push({
        type: source.type as SearchResultType,
        totalCount: page.totalCount,
        hits: hits.map((h) => ({
          id: h.id,
          title: h.title,
          excerptHtml: excerptHtml(h.excerpt),
          link: h.link,
          spaceTitle: h.spaceTitle,
        })),
        pageInfo: {
          hasNextPage: page.hits.length > first,
          endCursor: last ? cursorOf(last.rank, last.id, scopeOf(source.type, text)) : null,
        },
      });
    });
    return { query: text, groups };
  }
}
