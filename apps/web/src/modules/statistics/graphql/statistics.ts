import { gql, type TypedDocumentNode } from '@apollo/client';

export interface WeeklyCount {
  __typename?: 'WeeklyCount';
  week: string;
  count: number;
}
export interface KeyFigure {
  __typename?: 'KeyFigure';
  key: string;
  total: number;
  weekly: WeeklyCount[];
}
export interface TypologyCount {
  __typename?: 'TypologyCount';
  typologyKey: string | null;
  label: string | null;
  members: number;
  organisations: number;
}
export interface Statistics {
  __typename?: 'Statistics';
  asOf: string;
  spaceId: string | null;
  figures: KeyFigure[];
  organisationsByTypology: TypologyCount[];
}
export interface TypologyParticipation {
  __typename?: 'TypologyParticipation';
  typologyKey: string | null;
  label: string | null;
  participants: number;
  members: number;
}
export interface ParticipationByTypology {
  __typename?: 'ParticipationByTypology';
  asOf: string;
  spaceId: string;
  participants: number;
  members: number;
  typologies: TypologyParticipation[];
}

/** Key figures (« Chiffres clés ») of the platform (no `spaceId`) or of one space, with weekly series. */
export const STATISTICS_QUERY: TypedDocumentNode<
  { statistics: Statistics },
  { spaceId?: string | null }
> = gql`
  query Statistics($spaceId: ID) {
    statistics(spaceId: $spaceId) {
      asOf
      spaceId
      figures {
        key
        total
        weekly {
          week
          count
        }
      }
      organisationsByTypology {
        typologyKey
        label
        members
        organisations
      }
    }
  }
`;

/** Key figures' totals only (the home page's and a space page's block). */
export const KEY_FIGURES_QUERY: TypedDocumentNode<
  { statistics: Pick<Statistics, 'asOf' | 'spaceId'> & { figures: Omit<KeyFigure, 'weekly'>[] } },
  { spaceId: string | null }
> = gql`
  query KeyFigures($spaceId: ID) {
    statistics(spaceId: $spaceId) {
      asOf
      spaceId
      figures {
        key
        total
      }
    }
  }
`;

/** Participants of a space per typology vs members per typology (space admins, organisation admins). */
export const PARTICIPATION_BY_TYPOLOGY_QUERY: TypedDocumentNode<
  { participationByTypology: ParticipationByTypology },
  { spaceId: string }
> = gql`
  query ParticipationByTypology($spaceId: ID!) {
    participationByTypology(spaceId: $spaceId) {
      asOf
      spaceId
      participants
      members
      typologies {
        typologyKey
        label
        participants
        members
      }
    }
  }
`;
