import { gql, type TypedDocumentNode } from '@apollo/client';
import type { MotionMajority, MotionOutcome, MotionStatus, VoteChoice } from '@concerto/domain';

export interface MotionTally {
  forWeight: number;
  againstWeight: number;
  abstainWeight: number;
  votersCount: number;
  votersWeight: number;
}

export interface MotionResult {
  outcome: MotionOutcome;
  majority: MotionMajority;
  quorumPercent: number;
  forWeight: number;
  againstWeight: number;
  abstainWeight: number;
  votersCount: number;
  votersWeight: number;
  membersCount: number;
  membersWeight: number;
  participationPercent: number;
  quorumReached: boolean;
}

export interface MotionVote {
  userId: string;
  memberName: string;
  college: string | null;
  choice: VoteChoice;
  weight: number;
}

export interface AssemblyMotion {
  id: string;
  componentId: string;
  reference: string | null;
  title: string;
  body: string;
  opensAt: string | null;
  closesAt: string | null;
  majority: MotionMajority;
  quorumPercent: number;
  secretBallot: boolean;
  hideTallyUntilClosed: boolean;
  status: MotionStatus;
  readAt: string;
  tally: MotionTally | null;
  result: MotionResult | null;
  votes: MotionVote[] | null;
  viewerHasVoted: boolean;
  viewerVote: VoteChoice | null;
  viewerCanVote: boolean;
  viewerCanEdit: boolean;
  /** What it comes from: a petition that became this motion (« Issue de la pétition … »). */
  origin: { type: 'PETITION'; id: string; title: string; link: string } | null;
}

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
  { motions: AssemblyMotion[] },
  { componentId: string }
> = gql`
  query AssemblyMotions($componentId: ID!) {
    motions(componentId: $componentId) {
      ...AssemblyMotionFields
    }
  }
  ${MOTION_FIELDS}
`;

export const CAST_VOTE_MUTATION: TypedDocumentNode<
  { castVote: AssemblyMotion },
  { motionId: string; choice: VoteChoice }
> = gql`
  mutation CastVote($motionId: ID!, $choice: VoteChoice!) {
    castVote(motionId: $motionId, choice: $choice) {
      ...AssemblyMotionFields
    }
  }
  ${MOTION_FIELDS}
`;

export interface CreateMotionVariables {
  input: {
    componentId: string;
    title: string;
    body: string;
    opensAt: string | null;
    closesAt: string | null;
    majority: MotionMajority;
    quorumPercent: number;
    secretBallot: boolean;
    hideTallyUntilClosed: boolean;
  };
}

export const CREATE_MOTION_MUTATION: TypedDocumentNode<
  { createMotion: AssemblyMotion },
  CreateMotionVariables
> = gql`
  mutation CreateMotion($input: CreateMotionInput!) {
    createMotion(input: $input) {
      ...AssemblyMotionFields
    }
  }
  ${MOTION_FIELDS}
`;

export const DELETE_MOTION_MUTATION: TypedDocumentNode<{ deleteMotion: boolean }, { id: string }> =
  gql`
    mutation DeleteMotion($id: ID!) {
      deleteMotion(id: $id)
    }
  `;

export interface ViewerAssemblyRole {
  space: { id: string; viewerCanAdminister: boolean } | null;
  assemblyMembers: { id: string; userId: string }[];
}

export const VIEWER_ASSEMBLY_ROLE_QUERY: TypedDocumentNode<
  ViewerAssemblyRole,
  { slug: string; spaceId: string }
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

export interface AssemblyMinutes {
  spaceId: string;
  spaceTitle: string;
  from: string;
  to: string;
  markdown: string;
  members: {
    name: string;
    position: string;
    college: string | null;
    weight: number;
    joinedAt: string;
    leftAt: string | null;
  }[];
  motions: AssemblyMotion[];
}

export const ASSEMBLY_MINUTES_QUERY: TypedDocumentNode<
  { assemblyMinutes: AssemblyMinutes },
  { spaceId: string; from: string; to: string }
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

export const MINUTES_SPACE_QUERY: TypedDocumentNode<
  { space: { id: string; slug: string; title: string; type: string } | null },
  { slug: string }
> = gql`
  query MinutesSpace($slug: String!) {
    space(slug: $slug) {
      id
      slug
      title
      type
    }
  }
`;

export interface AssemblyInvitation {
  id: string;
  email: string;
  position: string;
  college: string | null;
  weight: number;
  createdAt: string;
  acceptedAt: string | null;
}

export const ASSEMBLY_INVITATIONS_QUERY: TypedDocumentNode<
  { assemblyInvitations: AssemblyInvitation[] },
  { spaceId: string }
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
  { inviteAssemblyMember: AssemblyInvitation },
  {
    input: {
      spaceId: string;
      email: string;
      position: string;
      college: string | null;
      weight: number;
    };
  }
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
  { acceptAssemblyInvitation: { id: string; userName: string; position: string } },
  { token: string }
> = gql`
  mutation AcceptAssemblyInvitation($token: String!) {
    acceptAssemblyInvitation(token: $token) {
      id
      userName
      position
    }
  }
`;
