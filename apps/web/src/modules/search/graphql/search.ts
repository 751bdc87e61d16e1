import { gql, type TypedDocumentNode } from '@apollo/client';
import type { SearchQuery, SearchQueryVariables } from '../../../graphql/generated';

export type { SearchResultType } from '../../../graphql/generated';

/** The resource types the global search finds (the API's `SearchResultType`). */

/** One resource found: `excerptHtml` holds escaped text whose only elements are `<mark>`. */
export type SearchHit = SearchGroup['hits'][number];

/** The hits of one type, best first; `totalCount` only on the first page. */
export type SearchGroup = SearchData['search']['groups'][number];

export type SearchData = SearchQuery;

export type SearchVariables = SearchQueryVariables;

export const SEARCH_QUERY: TypedDocumentNode<SearchQuery, SearchQueryVariables> = gql`
  query Search($query: String!, $types: [SearchResultType!], $first: Int, $after: String) {
    search(query: $query, types: $types, first: $first, after: $after) {
      query
      groups {
        type
        totalCount
        hits {
          id
          title
          excerptHtml
          link
          spaceTitle
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;
