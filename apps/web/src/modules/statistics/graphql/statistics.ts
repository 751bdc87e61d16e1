import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  StatisticsQuery,
  StatisticsQueryVariables,
  KeyFiguresQuery,
  KeyFiguresQueryVariables,
  ParticipationByTypologyQuery,
  ParticipationByTypologyQueryVariables,
} from '../../../graphql/generated';

/** Key figures of the platform or of one space, as of `asOf`. */
export type Statistics = StatisticsQuery['statistics'];
/** One key figure with its weekly series. */
export type KeyFigure = Statistics['figures'][number];
export type WeeklyCount = KeyFigure['weekly'][number];
/** Members and organisations of one profile typology. */
export type TypologyCount = Statistics['organisationsByTypology'][number];
/** Participants of a space per typology vs members per typology. */
export type ParticipationByTypology = ParticipationByTypologyQuery['participationByTypology'];
export type TypologyParticipation = ParticipationByTypology['typologies'][number];

/** Key figures (« Chiffres clés ») of the platform (no `spaceId`) or of one space, with weekly series. */
export const STATISTICS_QUERY: TypedDocumentNode<StatisticsQuery, StatisticsQueryVariables> = gql`
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
export const KEY_FIGURES_QUERY: TypedDocumentNode<KeyFiguresQuery, KeyFiguresQueryVariables> = gql`
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
  ParticipationByTypologyQuery,
  ParticipationByTypologyQueryVariables
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
