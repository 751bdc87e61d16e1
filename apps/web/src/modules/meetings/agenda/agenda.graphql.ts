import { gql, type TypedDocumentNode } from '@apollo/client';
import type { MeetingType } from '@concerto/domain';
import type { MeetingCardFields } from '../components/MeetingCard';

/** A meeting as the « Agenda » page shows it (a card, and its space). */
export type AgendaMeeting = MeetingCardFields & { spaceId: string };

export interface AgendaFilter {
  from?: string | null;
  to?: string | null;
  type?: MeetingType | null;
  spaceId?: string | null;
}
export type AgendaOrder = 'CHRONOLOGICAL' | 'REVERSE_CHRONOLOGICAL';

export interface AgendaPage {
  edges: { cursor: string; node: AgendaMeeting }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const AGENDA_MEETINGS_QUERY: TypedDocumentNode<
  { agendaMeetings: AgendaPage },
  { filter: AgendaFilter; first: number; after?: string | null; order: AgendaOrder }
> = gql`
  query AgendaMeetings(
    $filter: MeetingAgendaFilterInput
    $first: Int
    $after: String
    $order: MeetingAgendaOrder
  ) {
    agendaMeetings(filter: $filter, first: $first, after: $after, order: $order) {
      edges {
        cursor
        node {
          id
          spaceId
          title
          type
          startsAt
          endsAt
          state
          cancelled
          published
          location
          address
          registrationsEnabled
          seatsLeft
          registeredCount
          capacity
          path
          viewerRegistration {
            status
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const AGENDA_SPACES_QUERY: TypedDocumentNode<
  { spaces: { id: string; title: string }[] },
  Record<string, never>
> = gql`
  query AgendaSpaces {
    spaces {
      id
      title
    }
  }
`;
