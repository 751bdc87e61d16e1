import { gql, type TypedDocumentNode } from '@apollo/client';
import { MyPetitionRelation } from '@concerto/domain';
import type {
  AcceptPetitionCommitteeInvitationMutation,
  AcceptPetitionCommitteeInvitationMutationVariables,
  AnswerPetitionMutation,
  AnswerPetitionMutationVariables,
  CreatePetitionMutation,
  CreatePetitionMutationVariables,
  CreatePetitionTypeMutation,
  CreatePetitionTypeMutationVariables,
  DiscardPetitionMutation,
  DiscardPetitionMutationVariables,
  InvitePetitionCommitteeMutation,
  InvitePetitionCommitteeMutationVariables,
  MyPetitionsQuery,
  MyPetitionsQueryVariables,
  PetitionQuery,
  PetitionQueryVariables,
  PetitionQueueQuery,
  PetitionQueueQueryVariables,
  PetitionSpacesQuery,
  PetitionSpacesQueryVariables,
  PetitionTypesQuery,
  PetitionTypesQueryVariables,
  PetitionTypologiesQuery,
  PetitionTypologiesQueryVariables,
  PetitionsQuery,
  PetitionsQueryVariables,
  PublishPetitionMutation,
  PublishPetitionMutationVariables,
  SignPetitionMutation,
  SignPetitionMutationVariables,
  SubmitPetitionMutation,
  SubmitPetitionMutationVariables,
  UnsignPetitionMutation,
  UnsignPetitionMutationVariables,
  UpdatePetitionTypeMutation,
  UpdatePetitionTypeMutationVariables,
  CreatePetitionTypeInput,
} from '../../../graphql/generated';

export type { PetitionFilter, PetitionOutcomeType } from '../../../graphql/generated';
export type { MyPetitionRelation, PetitionState } from '@concerto/domain';
export type PetitionSort = 'SIGNATURES' | 'RECENT' | 'ENDING_SOON';
export const PETITION_SORTS: readonly PetitionSort[] = ['SIGNATURES', 'RECENT', 'ENDING_SOON'];

/** What an accepted petition can become. */

/** The PROPOSALS or MOTIONS component a type's accepted petitions can become a proposal or a draft motion of. */
export type PetitionSecondStage = NonNullable<PetitionType['secondStage']>;

export type PetitionType = PetitionTypesQuery['petitionTypes'][number];

/** A petition as the list and the page show it. */
export type Petition = PetitionsQuery['petitions'][number];

const TYPE_FIELDS = `id title description threshold periodDays minCommitteeSize signers typologies publicSignatures secondStageUrl secondStage { componentId type componentTitle spaceTitle link }`;
const PETITION_FIELDS = `id componentId link title body state discardReason publishedAt endsAt readAt signaturesCount threshold committeeSize answer answerUrl outcome { type id link } answeredAt createdAt
  viewerIsAuthor viewerInCommittee viewerHasSigned viewerFollows viewerCanSign viewerCanAdminister type { ${TYPE_FIELDS} }`;

export const PETITIONS_QUERY: TypedDocumentNode<PetitionsQuery, PetitionsQueryVariables> = gql`
  query Petitions($componentId: ID!, $filter: PetitionFilter) {
    petitions(componentId: $componentId, filter: $filter) { ${PETITION_FIELDS} }
  }
`;

export const PETITION_QUERY: TypedDocumentNode<PetitionQuery, PetitionQueryVariables> = gql`
  query Petition($id: ID!) {
    petition(id: $id) { ${PETITION_FIELDS} viewerReported }
  }
`;

export const PETITION_TYPES_QUERY: TypedDocumentNode<
  PetitionTypesQuery,
  PetitionTypesQueryVariables
> = gql`
  query PetitionTypes($componentId: ID!) {
    petitionTypes(componentId: $componentId) { ${TYPE_FIELDS} }
  }
`;

/** The settings of a petition type as the admin forms send them. */
export type PetitionTypeSettings = Omit<CreatePetitionTypeInput, 'componentId'>;

export type CreatePetitionTypeVariables = CreatePetitionTypeMutationVariables;

export const UPDATE_PETITION_TYPE_MUTATION: TypedDocumentNode<
  UpdatePetitionTypeMutation,
  UpdatePetitionTypeMutationVariables
> = gql`
  mutation UpdatePetitionType($id: ID!, $input: UpdatePetitionTypeInput!) {
    updatePetitionType(id: $id, input: $input) { ${TYPE_FIELDS} }
  }
`;

/** How the viewer is tied to a petition in « Mes pétitions ». */
export const MY_PETITION_RELATIONS: readonly MyPetitionRelation[] =
  Object.values(MyPetitionRelation);

export type PetitionConnection = MyPetitionsQuery['myPetitions'];

export const MY_PETITIONS_QUERY: TypedDocumentNode<MyPetitionsQuery, MyPetitionsQueryVariables> =
  gql`
  query MyPetitions($relation: MyPetitionRelation, $first: Int, $after: String) {
    myPetitions(relation: $relation, first: $first, after: $after) { hasNextPage endCursor edges { cursor node { ${PETITION_FIELDS} } } }
  }
`;

export const PETITION_QUEUE_QUERY: TypedDocumentNode<
  PetitionQueueQuery,
  PetitionQueueQueryVariables
> = gql`
  query PetitionQueue {
    petitionQueue { ${PETITION_FIELDS} }
  }
`;

/** The PETITIONS components of every space the viewer sees (the types admin page picks one). */
export type PetitionSpaceRow = PetitionSpacesQuery['spaces'][number];
export const PETITION_SPACES_QUERY: TypedDocumentNode<
  PetitionSpacesQuery,
  PetitionSpacesQueryVariables
> = gql`
  query PetitionSpaces {
    spaces {
      id
      slug
      title
      components {
        id
        title
        type
      }
    }
  }
`;
export const CREATE_PETITION_TYPE_MUTATION: TypedDocumentNode<
  CreatePetitionTypeMutation,
  CreatePetitionTypeMutationVariables
> = gql`
  mutation CreatePetitionType($input: CreatePetitionTypeInput!) {
    createPetitionType(input: $input) { ${TYPE_FIELDS} }
  }
`;

export const CREATE_PETITION_MUTATION: TypedDocumentNode<
  CreatePetitionMutation,
  CreatePetitionMutationVariables
> = gql`
  mutation CreatePetition($input: CreatePetitionInput!) {
    createPetition(input: $input) { ${PETITION_FIELDS} }
  }
`;

export const INVITE_PETITION_COMMITTEE_MUTATION: TypedDocumentNode<
  InvitePetitionCommitteeMutation,
  InvitePetitionCommitteeMutationVariables
> = gql`
  mutation InvitePetitionCommittee($petitionId: ID!) {
    invitePetitionCommittee(petitionId: $petitionId)
  }
`;

export const ACCEPT_PETITION_INVITATION_MUTATION: TypedDocumentNode<
  AcceptPetitionCommitteeInvitationMutation,
  AcceptPetitionCommitteeInvitationMutationVariables
> = gql`
  mutation AcceptPetitionCommitteeInvitation($token: String!) {
    acceptPetitionCommitteeInvitation(token: $token) { ${PETITION_FIELDS} }
  }
`;

export const SUBMIT_PETITION_MUTATION: TypedDocumentNode<
  SubmitPetitionMutation,
  SubmitPetitionMutationVariables
> = gql`
  mutation SubmitPetition($id: ID!) {
    submitPetition(id: $id) { ${PETITION_FIELDS} }
  }
`;

export const PUBLISH_PETITION_MUTATION: TypedDocumentNode<
  PublishPetitionMutation,
  PublishPetitionMutationVariables
> = gql`
  mutation PublishPetition($id: ID!) {
    publishPetition(id: $id) { ${PETITION_FIELDS} }
  }
`;

export const DISCARD_PETITION_MUTATION: TypedDocumentNode<
  DiscardPetitionMutation,
  DiscardPetitionMutationVariables
> = gql`
  mutation DiscardPetition($id: ID!, $reason: String!) {
    discardPetition(id: $id, reason: $reason) { ${PETITION_FIELDS} }
  }
`;

export const ANSWER_PETITION_MUTATION: TypedDocumentNode<
  AnswerPetitionMutation,
  AnswerPetitionMutationVariables
> = gql`
  mutation AnswerPetition($input: AnswerPetitionInput!) {
    answerPetition(input: $input) { ${PETITION_FIELDS} }
  }
`;

export const SIGN_PETITION_MUTATION: TypedDocumentNode<
  SignPetitionMutation,
  SignPetitionMutationVariables
> = gql`
  mutation SignPetition($petitionId: ID!) {
    signPetition(petitionId: $petitionId) { ${PETITION_FIELDS} }
  }
`;

export const UNSIGN_PETITION_MUTATION: TypedDocumentNode<
  UnsignPetitionMutation,
  UnsignPetitionMutationVariables
> = gql`
  mutation UnsignPetition($petitionId: ID!) {
    unsignPetition(petitionId: $petitionId) { ${PETITION_FIELDS} }
  }
`;

/** The organization's member typologies (the profile module's list), for types restricted to some. */
export type MemberTypologyOption = PetitionTypologiesQuery['memberTypologies'][number];
export const PETITION_TYPOLOGIES_QUERY: TypedDocumentNode<
  PetitionTypologiesQuery,
  PetitionTypologiesQueryVariables
> = gql`
  query PetitionTypologies {
    memberTypologies {
      key
      label
      archived
    }
  }
`;
