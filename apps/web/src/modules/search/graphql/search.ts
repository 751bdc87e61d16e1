import { gql, type TypedDocumentNode } from '@apollo/client';
import type { SearchQuery, SearchQueryVariables } from '../../../graphql/generated';

/** The resource types the global search finds (the API's `SearchResultType`). */
export type SearchResultType = 'PROPOSAL' | 'ARTICLE' | 'MEETING' | 'PETITION' | 'NEWS_POST';

/** One resource found: `excerptHtml` holds escaped text whose only elements are `<mark>`. */
export interface SearchHit {
  __typename?: 'SearchHit';
  id: string;
  title: string;
  excerptHtml: string;
  link: string;
  spaceTitle: string;
}

/** The hits of one type, best first; `totalCount` only on the first page. */
export interface SearchGroup {
  __typename?: 'SearchGroup';
  type: SearchResultType;
  totalCount: number | null;
  hits: SearchHit[];
  pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
}

export interface SearchData {
  search: { __typename?: 'SearchResults'; query: string; groups: SearchGroup[] };
}

export interface SearchVariables {
  query: string;
  types?: SearchResultType[];
  first?: number;
  after?: string;
}

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
