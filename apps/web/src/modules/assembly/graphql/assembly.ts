import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  AcceptAssemblyInvitationMutation,
  AcceptAssemblyInvitationMutationVariables,
  AssemblyInvitationsQuery,
  AssemblyInvitationsQueryVariables,
  AssemblyMinutesQuery,
  AssemblyMinutesQueryVariables,
  AssemblyMotionFieldsFragment,
  AssemblyMotionsQuery,
  AssemblyMotionsQueryVariables,
  CastVoteMutation,
  CastVoteMutationVariables,
  CreateMotionMutation,
  CreateMotionMutationVariables,
  DeleteMotionMutation,
  DeleteMotionMutationVariables,
  InviteAssemblyMemberMutation,
  InviteAssemblyMemberMutationVariables,
  MinutesSpaceQuery,
  MinutesSpaceQueryVariables,
  ViewerAssemblyRoleQuery,
  ViewerAssemblyRoleQueryVariables,
} from '../../../graphql/generated';

export type MotionTally = NonNullable<AssemblyMotion['tally']>;

export type MotionResult = NonNullable<AssemblyMotion['result']>;

export type MotionVote = NonNullable<AssemblyMotion['votes']>[number];

export type AssemblyMotion = AssemblyMotionFieldsFragment;

const MOTION_FIELDS = gql`
  fragment AssemblyMotionFields on Motion {
    id
    componentId
    reference
    title
    body
    opensAt
    closesAt
    majority
    quorumPercent
    secretBallot
    hideTallyUntilClosed
    status
    readAt
    tally {
      forWeight
      againstWeight
      abstainWeight
      votersCount
      votersWeight
    }
    result {
      outcome
      majority
      quorumPercent
      forWeight
      againstWeight
      abstainWeight
      votersCount
      votersWeight
      membersCount
      membersWeight
      participationPercent
      quorumReached
    }
    votes {
      userId
      memberName
      college
      choice
      weight
    }
    viewerHasVoted
    viewerVote
    viewerCanVote
    viewerCanEdit
    origin {
      type
      id
      title
      link
    }
  }
`;

export const ASSEMBLY_MOTIONS_QUERY: TypedDocumentNode<
  AssemblyMotionsQuery,
  AssemblyMotionsQueryVariables
> = gql`
  query AssemblyMotions($componentId: ID!) {
    motions(componentId: $componentId) {
      ...AssemblyMotionFields
    }
  }
  ${MOTION_FIELDS}
`;

export const CAST_VOTE_MUTATION: TypedDocumentNode<CastVoteMutation, CastVoteMutationVariables> =
  gql`
    mutation CastVote($motionId: ID!, $choice: VoteChoice!) {
      castVote(motionId: $motionId, choice: $choice) {
        ...AssemblyMotionFields
      }
    }
    ${MOTION_FIELDS}
  `;

export type CreateMotionVariables = CreateMotionMutationVariables;

export const CREATE_MOTION_MUTATION: TypedDocumentNode<
  CreateMotionMutation,
  CreateMotionMutationVariables
> = gql`
  mutation CreateMotion($input: CreateMotionInput!) {
    createMotion(input: $input) {
      ...AssemblyMotionFields
    }
  }
  ${MOTION_FIELDS}
`;

export const DELETE_MOTION_MUTATION: TypedDocumentNode<
  DeleteMotionMutation,
  DeleteMotionMutationVariables
> = gql`
  mutation DeleteMotion($id: ID!) {
    deleteMotion(id: $id)
  }
`;

export type ViewerAssemblyRole = ViewerAssemblyRoleQuery;

export const VIEWER_ASSEMBLY_ROLE_QUERY: TypedDocumentNode<
  ViewerAssemblyRoleQuery,
  ViewerAssemblyRoleQueryVariables
> = gql`
  query ViewerAssemblyRole($slug: String!, $spaceId: ID!) {
    space(slug: $slug) {
      id
      viewerCanAdminister
    }
    assemblyMembers(spaceId: $spaceId) {
      id
      userId
    }
  }
`;

export type AssemblyMinutes = AssemblyMinutesQuery['assemblyMinutes'];

export const ASSEMBLY_MINUTES_QUERY: TypedDocumentNode<
  AssemblyMinutesQuery,
  AssemblyMinutesQueryVariables
> = gql`
  query AssemblyMinutes($spaceId: ID!, $from: String!, $to: String!) {
    assemblyMinutes(spaceId: $spaceId, from: $from, to: $to) {
      spaceId
      spaceTitle
      from
      to
      markdown
      members {
        name
        position
        college
        weight
        joinedAt
        leftAt
      }
      motions {
        ...AssemblyMotionFields
      }
    }
  }
  ${MOTION_FIELDS}
`;

export const MINUTES_SPACE_QUERY: TypedDocumentNode<MinutesSpaceQuery, MinutesSpaceQueryVariables> =
  gql`
    query MinutesSpace($slug: String!) {
      space(slug: $slug) {
        id
        slug
        title
        type
      }
    }
  `;

export type AssemblyInvitation = AssemblyInvitationsQuery['assemblyInvitations'][number];

export const ASSEMBLY_INVITATIONS_QUERY: TypedDocumentNode<
  AssemblyInvitationsQuery,
  AssemblyInvitationsQueryVariables
> = gql`
  query AssemblyInvitations($spaceId: ID!) {
    assemblyInvitations(spaceId: $spaceId) {
      id
      email
      position
      college
      weight
      createdAt
      acceptedAt
    }
  }
`;

export const INVITE_ASSEMBLY_MEMBER_MUTATION: TypedDocumentNode<
  InviteAssemblyMemberMutation,
  InviteAssemblyMemberMutationVariables
> = gql`
  mutation InviteAssemblyMember($input: InviteAssemblyMemberInput!) {
    inviteAssemblyMember(input: $input) {
      id
      email
      position
      college
      weight
      createdAt
      acceptedAt
    }
  }
`;

export const ACCEPT_ASSEMBLY_INVITATION_MUTATION: TypedDocumentNode<
  AcceptAssemblyInvitationMutation,
  AcceptAssemblyInvitationMutationVariables
> = gql`
  mutation AcceptAssemblyInvitation($token: String!) {
    acceptAssemblyInvitation(token: $token) {
      id
      userName
      position
    }
  }
`;
