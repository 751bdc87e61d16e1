import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  CreateMemberTypologyMutation,
  CreateMemberTypologyMutationVariables,
  FollowMemberMutation,
  FollowMemberMutationVariables,
  MemberProfileQuery,
  MemberProfileQueryVariables,
  MemberTypologiesQuery,
  MemberTypologiesQueryVariables,
  MyProfileQuery,
  MyProfileQueryVariables,
  OrganisationSuggestionsQuery,
  OrganisationSuggestionsQueryVariables,
  RemoveMyAvatarMutation,
  RemoveMyAvatarMutationVariables,
  UnfollowMemberMutation,
  UnfollowMemberMutationVariables,
  UpdateMemberTypologyMutation,
  UpdateMemberTypologyMutationVariables,
  UpdateMyProfileMutation,
  UpdateMyProfileMutationVariables,
} from '../../../graphql/generated';

export type { UpdateMyProfileInput } from '../../../graphql/generated';

/** A typology of annex 1 (Typologie) as `memberTypologies` lists it. */
export type MemberTypology = MemberTypologiesQuery['memberTypologies'][number];

/** Who may read each optional field of a profile. */
export type ProfileVisibility = NonNullable<MemberProfile['visibility']>;

/** A member’s profile; optional fields are null when empty or hidden from the caller. */
export type MemberProfile = NonNullable<MyProfileQuery['myProfile']>;

const PROFILE_FIELDS = `
  userId
  pseudo
  name
  organisation
  typology {
    key
    label
    archived
  }
  roleTitle
  bio
  website
  avatarUrl
  isViewer
  blocked
  viewerFollows
  followersCount
  followsCount
  visibility {
    organisation
    typology
    roleTitle
    bio
    avatar
    website
  }
`;

/** The caller’s own profile, every field and its visibility (signed-in users). */
export const MY_PROFILE_QUERY: TypedDocumentNode<MyProfileQuery, MyProfileQueryVariables> = gql`
  query MyProfile {
    myProfile {
      ${PROFILE_FIELDS}
    }
  }
`;

/** A member as the followers and follows lists show them. */
export type MemberSummary = MemberPage['followers'][number];

/** A public contribution (a published proposal) on a member’s page. */
export type MemberContribution = MemberPage['contributions'][number];

/** A member’s page: the profile plus their latest contributions, followers and follows. */
export type MemberPage = NonNullable<MemberProfileQuery['memberProfile']>;

/** How many contributions, followers and follows the member page lists (the API allows 1–50). */
export const MEMBER_PAGE_LIST_SIZE = 20;

/** A member’s public profile, each field as its visibility allows, with their latest contributions, followers and follows. Errors: NOT_FOUND. */
export const MEMBER_PROFILE_QUERY: TypedDocumentNode<
  MemberProfileQuery,
  MemberProfileQueryVariables
> = gql`
  query MemberProfile($pseudo: String!) {
    memberProfile(pseudo: $pseudo) {
      ${PROFILE_FIELDS}
      contributions(first: ${MEMBER_PAGE_LIST_SIZE}) {
        id
        kind
        title
        spaceSlug
        componentId
        publishedAt
      }
      followers(first: ${MEMBER_PAGE_LIST_SIZE}) {
        pseudo
        name
        avatarUrl
      }
      follows(first: ${MEMBER_PAGE_LIST_SIZE}) {
        pseudo
        name
        avatarUrl
      }
    }
  }
`;

/** The organization’s typologies, in order (archived ones with `includeArchived`). */
export const MEMBER_TYPOLOGIES_QUERY: TypedDocumentNode<
  MemberTypologiesQuery,
  MemberTypologiesQueryVariables
> = gql`
  query MemberTypologies($includeArchived: Boolean!) {
    memberTypologies(includeArchived: $includeArchived) {
      key
      label
      position
      archived
    }
  }
`;

/** Up to 10 organisations members already gave, starting with `search`. */
export const ORGANISATION_SUGGESTIONS_QUERY: TypedDocumentNode<
  OrganisationSuggestionsQuery,
  OrganisationSuggestionsQueryVariables
> = gql`
  query OrganisationSuggestions($search: String!) {
    organisationSuggestions(search: $search)
  }
`;

/** Changes to the caller’s profile: an omitted field is unchanged, null clears it. */

/** Saves the caller’s profile. Errors: BAD_USER_INPUT (`field`), CONFLICT (pseudo taken). */
export const UPDATE_MY_PROFILE_MUTATION: TypedDocumentNode<
  UpdateMyProfileMutation,
  UpdateMyProfileMutationVariables
> = gql`
  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {
    updateMyProfile(input: $input) {
      ${PROFILE_FIELDS}
    }
  }
`;

/** Removes the caller’s avatar. */
export const REMOVE_MY_AVATAR_MUTATION: TypedDocumentNode<
  RemoveMyAvatarMutation,
  RemoveMyAvatarMutationVariables
> = gql`
  mutation RemoveMyAvatar {
    removeMyAvatar {
      ${PROFILE_FIELDS}
    }
  }
`;

/** Follows a member. Errors: NOT_FOUND, BAD_USER_INPUT (`reason: SELF_FOLLOW`). */
export const FOLLOW_MEMBER_MUTATION: TypedDocumentNode<
  FollowMemberMutation,
  FollowMemberMutationVariables
> = gql`
  mutation FollowMember($pseudo: String!) {
    followMember(pseudo: $pseudo) {
      ${PROFILE_FIELDS}
    }
  }
`;

/** Stops following a member. Errors: NOT_FOUND. */
export const UNFOLLOW_MEMBER_MUTATION: TypedDocumentNode<
  UnfollowMemberMutation,
  UnfollowMemberMutationVariables
> = gql`
  mutation UnfollowMember($pseudo: String!) {
    unfollowMember(pseudo: $pseudo) {
      ${PROFILE_FIELDS}
    }
  }
`;

/** Adds a typology at the end (organization admins). Errors: BAD_USER_INPUT, CONFLICT (label taken). */
export const CREATE_MEMBER_TYPOLOGY_MUTATION: TypedDocumentNode<
  CreateMemberTypologyMutation,
  CreateMemberTypologyMutationVariables
> = gql`
  mutation CreateMemberTypology($input: CreateMemberTypologyInput!) {
    createMemberTypology(input: $input) {
      key
      label
      position
      archived
    }
  }
`;

/** Renames, moves, archives or restores a typology (organization admins). Errors: NOT_FOUND, BAD_USER_INPUT, CONFLICT. */
export const UPDATE_MEMBER_TYPOLOGY_MUTATION: TypedDocumentNode<
  UpdateMemberTypologyMutation,
  UpdateMemberTypologyMutationVariables
> = gql`
  mutation UpdateMemberTypology($key: ID!, $input: UpdateMemberTypologyInput!) {
    updateMemberTypology(key: $key, input: $input) {
      key
      label
      position
      archived
    }
  }
`;
