import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  FollowMutation,
  FollowMutationVariables,
  InboxQuery,
  InboxQueryVariables,
  MarkNotificationsReadMutation,
  MarkNotificationsReadMutationVariables,
  NotificationSettingsQuery,
  NotificationSettingsQueryVariables,
  UnfollowMutation,
  UnfollowMutationVariables,
  UnreadNotificationsCountQuery,
  UnreadNotificationsCountQueryVariables,
  UpdateNotificationSettingsMutation,
  UpdateNotificationSettingsMutationVariables,
} from '../../../graphql/generated';

export type NotificationItem = InboxData['notifications']['edges'][number]['node'];

export type InboxData = InboxQuery;

export const INBOX_QUERY: TypedDocumentNode<InboxQuery, InboxQueryVariables> = gql`
  query Inbox($after: String, $unreadOnly: Boolean) {
    notifications(first: 20, after: $after, unreadOnly: $unreadOnly) {
      edges {
        cursor
        node {
          id
          kind
          sequence
          title
          body
          link
          createdAt
          readAt
        }
      }
      hasNextPage
      endCursor
    }
    unreadNotificationsCount
  }
`;

export const UNREAD_COUNT_QUERY: TypedDocumentNode<
  UnreadNotificationsCountQuery,
  UnreadNotificationsCountQueryVariables
> = gql`
  query UnreadNotificationsCount {
    unreadNotificationsCount
  }
`;

export const MARK_READ_MUTATION: TypedDocumentNode<
  MarkNotificationsReadMutation,
  MarkNotificationsReadMutationVariables
> = gql`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`;

export type NotificationSettingsData = NotificationSettingsQuery;
/** How notifications reach the user by e-mail. */
export type { EmailDelivery } from '../../../graphql/generated';

export const SETTINGS_QUERY: TypedDocumentNode<
  NotificationSettingsQuery,
  NotificationSettingsQueryVariables
> = gql`
  query NotificationSettings {
    notificationSettings {
      disabledKinds
      emailDelivery
    }
  }
`;

export const UPDATE_SETTINGS_MUTATION: TypedDocumentNode<
  UpdateNotificationSettingsMutation,
  UpdateNotificationSettingsMutationVariables
> = gql`
  mutation UpdateNotificationSettings($input: NotificationSettingsInput!) {
    updateNotificationSettings(input: $input) {
      disabledKinds
      emailDelivery
    }
  }
`;

export const FOLLOW_MUTATION: TypedDocumentNode<FollowMutation, FollowMutationVariables> = gql`
  mutation Follow($followableType: FollowableType!, $followableId: ID!) {
    follow(followableType: $followableType, followableId: $followableId)
  }
`;

export const UNFOLLOW_MUTATION: TypedDocumentNode<UnfollowMutation, UnfollowMutationVariables> =
  gql`
    mutation Unfollow($followableType: FollowableType!, $followableId: ID!) {
      unfollow(followableType: $followableType, followableId: $followableId)
    }
  `;
