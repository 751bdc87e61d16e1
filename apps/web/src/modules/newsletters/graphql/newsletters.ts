import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  CreateNewsletterMutation,
  CreateNewsletterMutationVariables,
  DeleteNewsletterMutation,
  DeleteNewsletterMutationVariables,
  NewsletterAudience,
  NewsletterBlock,
  NewsletterInput,
  MyNewsletterSubscriptionQuery,
  MyNewsletterSubscriptionQueryVariables,
  NewsletterEditorQuery,
  NewsletterEditorQueryVariables,
  NewsletterPreviewQuery,
  NewsletterPreviewQueryVariables,
  NewslettersQuery,
  NewslettersQueryVariables,
  SendNewsletterMutation,
  SendNewsletterMutationVariables,
  SendNewsletterTestMutation,
  SendNewsletterTestMutationVariables,
  SetNewsletterSubscriptionMutation,
  SetNewsletterSubscriptionMutationVariables,
  UpdateNewsletterMutation,
  UpdateNewsletterMutationVariables,
} from '../../../graphql/generated';

export type { NewsletterAudience, NewsletterBlock, NewsletterInput };
export const NEWSLETTER_BLOCKS: NewsletterBlock[] = [
  'LATEST_NEWS',
  'OPEN_PROCESSES',
  'UPCOMING_MEETINGS',
];

const FIELDS = `id subject body blocks audience spaceIds typologyKeys status isDemo createdAt updatedAt sendRequestedAt completedAt progress { total pending sent failed }`;

export const NEWSLETTERS_QUERY: TypedDocumentNode<NewslettersQuery, NewslettersQueryVariables> =
  gql`
    query Newsletters {
      newsletters { ${FIELDS} }
    }
  `;

/** One newsletter with its recipient count, the spaces and typologies to choose from. */
export const NEWSLETTER_EDITOR_QUERY: TypedDocumentNode<
  NewsletterEditorQuery,
  NewsletterEditorQueryVariables
> = gql`
  query NewsletterEditor($id: ID!) {
    newsletter(id: $id) { ${FIELDS} }
    newsletterRecipientCount(id: $id)
    spaces { id title type }
    memberTypologies { key label }
  }
`;

export const NEWSLETTER_PREVIEW_QUERY: TypedDocumentNode<
  NewsletterPreviewQuery,
  NewsletterPreviewQueryVariables
> = gql`
  query NewsletterPreview($id: ID!) {
    newsletterPreview(id: $id) {
      subject
      html
      text
    }
  }
`;

export const CREATE_NEWSLETTER_MUTATION: TypedDocumentNode<
  CreateNewsletterMutation,
  CreateNewsletterMutationVariables
> = gql`
  mutation CreateNewsletter($input: NewsletterInput!) {
    createNewsletter(input: $input) { ${FIELDS} }
  }
`;

export const UPDATE_NEWSLETTER_MUTATION: TypedDocumentNode<
  UpdateNewsletterMutation,
  UpdateNewsletterMutationVariables
> = gql`
  mutation UpdateNewsletter($id: ID!, $input: NewsletterInput!) {
    updateNewsletter(id: $id, input: $input) { ${FIELDS} }
  }
`;

export const DELETE_NEWSLETTER_MUTATION: TypedDocumentNode<
  DeleteNewsletterMutation,
  DeleteNewsletterMutationVariables
> = gql`
  mutation DeleteNewsletter($id: ID!) {
    deleteNewsletter(id: $id)
  }
`;

export const SEND_NEWSLETTER_TEST_MUTATION: TypedDocumentNode<
  SendNewsletterTestMutation,
  SendNewsletterTestMutationVariables
> = gql`
  mutation SendNewsletterTest($id: ID!) {
    sendNewsletterTest(id: $id)
  }
`;

export const SEND_NEWSLETTER_MUTATION: TypedDocumentNode<
  SendNewsletterMutation,
  SendNewsletterMutationVariables
> = gql`
  mutation SendNewsletter($id: ID!) {
    sendNewsletter(id: $id) { ${FIELDS} }
  }
`;

export const MY_NEWSLETTER_SUBSCRIPTION_QUERY: TypedDocumentNode<
  MyNewsletterSubscriptionQuery,
  MyNewsletterSubscriptionQueryVariables
> = gql`
  query MyNewsletterSubscription {
    myNewsletterSubscription {
      subscribed
    }
  }
`;

export const SET_NEWSLETTER_SUBSCRIPTION_MUTATION: TypedDocumentNode<
  SetNewsletterSubscriptionMutation,
  SetNewsletterSubscriptionMutationVariables
> = gql`
  mutation SetNewsletterSubscription($subscribed: Boolean!, $atSignUp: Boolean) {
    setNewsletterSubscription(subscribed: $subscribed, atSignUp: $atSignUp) {
      subscribed
    }
  }
`;
