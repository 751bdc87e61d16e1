import { gql, type TypedDocumentNode } from '@apollo/client';
import type { NotificationKind } from '@concerto/domain';

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  sequence: number;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

export interface InboxData {
  notifications: {
    edges: { cursor: string; node: NotificationItem }[];
    hasNextPage: boolean;
    endCursor: string | null;
  };
  unreadNotificationsCount: number;
}

export const INBOX_QUERY: TypedDocumentNode<
  InboxData,
  { after?: string | null; unreadOnly?: boolean }
> = gql`
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
  { unreadNotificationsCount: number },
  Record<string, never>
> = gql`
  query UnreadNotificationsCount {
    unreadNotificationsCount
  }
`;

export const MARK_READ_MUTATION: TypedDocumentNode<
  { markNotificationsRead: number },
  { ids?: string[] | null }
> = gql`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`;

export interface NotificationSettingsData {
  notificationSettings: {
    disabledKinds: NotificationKind[];
    emailDelivery: 'NONE' | 'IMMEDIATE' | 'DIGEST';
  };
}

export const SETTINGS_QUERY: TypedDocumentNode<
  NotificationSettingsData,
  Record<string, never>
> = gql`
  query NotificationSettings {
    notificationSettings {
      disabledKinds
      emailDelivery
    }
  }
`;

export const UPDATE_SETTINGS_MUTATION: TypedDocumentNode<
  { updateNotificationSettings: NotificationSettingsData['notificationSettings'] },
  { input: { disabledKinds?: NotificationKind[]; emailDelivery?: 'NONE' | 'IMMEDIATE' | 'DIGEST' } }
> = gql`
  mutation UpdateNotificationSettings($input: NotificationSettingsInput!) {
    updateNotificationSettings(input: $input) {
      disabledKinds
      emailDelivery
    }
  }
`;

type FollowVariables = {
  followableType: 'PROPOSAL' | 'SPACE' | 'PETITION' | 'NEWS_POST';
  followableId: string;
};

export const FOLLOW_MUTATION: TypedDocumentNode<{ follow: boolean }, FollowVariables> = gql`
  mutation Follow($followableType: FollowableType!, $followableId: ID!) {
    follow(followableType: $followableType, followableId: $followableId)
  }
`;

export const UNFOLLOW_MUTATION: TypedDocumentNode<{ unfollow: boolean }, FollowVariables> = gql`
  mutation Unfollow($followableType: FollowableType!, $followableId: ID!) {
    unfollow(followableType: $followableType, followableId: $followableId)
  }
`;
