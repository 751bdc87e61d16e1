import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  CreateNewsPostMutation,
  CreateNewsPostMutationVariables,
  DeleteNewsPostMutation,
  DeleteNewsPostMutationVariables,
  HomeNewsQuery,
  HomeNewsQueryVariables,
  NewsPostQuery,
  NewsPostQueryVariables,
  NewsPostsQuery,
  NewsPostsQueryVariables,
  UpdateNewsPostMutation,
  UpdateNewsPostMutationVariables,
} from '../../../graphql/generated';

export type { NewsPostFieldsInput } from '../../../graphql/generated';

export type NewsPost = NewsPostsQuery['newsPosts'][number];

const FIELDS = `id componentId spaceId spaceSlug spaceTitle title body excerpt imageUrl imageAlt bySpace authorName onHomePage publishedAt status hidden commentsCount viewerFollows`;

export const NEWS_POSTS_QUERY: TypedDocumentNode<NewsPostsQuery, NewsPostsQueryVariables> = gql`
  query NewsPosts($componentId: ID!) {
    newsPosts(componentId: $componentId) { ${FIELDS} }
  }
`;

export const NEWS_POST_QUERY: TypedDocumentNode<NewsPostQuery, NewsPostQueryVariables> = gql`
  query NewsPost($id: ID!) {
    newsPost(id: $id) { ${FIELDS} viewerReported }
  }
`;

export const HOME_NEWS_QUERY: TypedDocumentNode<HomeNewsQuery, HomeNewsQueryVariables> = gql`
  query HomeNews($first: Int) {
    homeNews(first: $first) { ${FIELDS} }
  }
`;

export const CREATE_NEWS_POST_MUTATION: TypedDocumentNode<
  CreateNewsPostMutation,
  CreateNewsPostMutationVariables
> = gql`
  mutation CreateNewsPost($input: CreateNewsPostInput!) {
    createNewsPost(input: $input) { ${FIELDS} }
  }
`;

export const UPDATE_NEWS_POST_MUTATION: TypedDocumentNode<
  UpdateNewsPostMutation,
  UpdateNewsPostMutationVariables
> = gql`
  mutation UpdateNewsPost($id: ID!, $input: NewsPostFieldsInput!) {
    updateNewsPost(id: $id, input: $input) { ${FIELDS} }
  }
`;

export const DELETE_NEWS_POST_MUTATION: TypedDocumentNode<
  DeleteNewsPostMutation,
  DeleteNewsPostMutationVariables
> = gql`
  mutation DeleteNewsPost($id: ID!) {
    deleteNewsPost(id: $id)
  }
`;

/**
 * Uploads an image for a post of a NEWS component (`POST /news-images`, the file as the body).
 * @returns the stored image's id and path
 * @throws Error whose message is the API's French message (too large, not an image, forbidden)
 */
export async function uploadNewsImage(
  componentId: string,
  file: File,
): Promise<{ imageId: string; imageUrl: string }> {
  const response = await fetch(`/news-images?componentId=${encodeURIComponent(componentId)}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  const json = (await response.json().catch(() => ({}))) as {
    imageId?: string;
    imageUrl?: string;
    message?: string;
  };
  if (!response.ok || !json.imageId || !json.imageUrl) throw new Error(json.message ?? 'image');
  return { imageId: json.imageId, imageUrl: json.imageUrl };
}
