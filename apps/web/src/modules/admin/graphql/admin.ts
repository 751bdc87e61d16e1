import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  ActivatePhaseMutation,
  ActivatePhaseMutationVariables,
  AddAssemblyMemberMutation,
  AddAssemblyMemberMutationVariables,
  AdminAssemblyMembersQuery,
  AdminAssemblyMembersQueryVariables,
  AdminSpaceQuery,
  AdminSpaceQueryVariables,
  AdminSpacesQuery,
  AdminSpacesQueryVariables,
  AssignSpaceRoleMutation,
  AssignSpaceRoleMutationVariables,
  CreateComponentMutation,
  CreateComponentMutationVariables,
  CreatePhaseMutation,
  CreatePhaseMutationVariables,
  CreateSpaceMutation,
  CreateSpaceMutationVariables,
  DeleteComponentMutation,
  DeleteComponentMutationVariables,
  DeletePhaseMutation,
  DeletePhaseMutationVariables,
  DeleteSpaceMutation,
  DeleteSpaceMutationVariables,
  RemoveAssemblyMemberMutation,
  RemoveAssemblyMemberMutationVariables,
  ReorderPhasesMutation,
  ReorderPhasesMutationVariables,
  RevokeSpaceRoleMutation,
  RevokeSpaceRoleMutationVariables,
  SpaceRolesQuery,
  SpaceRolesQueryVariables,
  UpdateComponentMutation,
  UpdateComponentMutationVariables,
  UpdatePhaseMutation,
  UpdatePhaseMutationVariables,
  UpdateSpaceMutation,
  UpdateSpaceMutationVariables,
} from '../../../graphql/generated';

export type { CreateSpaceInput, PhaseInput, UpdateSpaceInput } from '../../../graphql/generated';

export type AdminSpaceRow = AdminSpacesQuery['spaces'][number];

export const ADMIN_SPACES_QUERY: TypedDocumentNode<AdminSpacesQuery, AdminSpacesQueryVariables> =
  gql`
    query AdminSpaces {
      spaces {
        id
        slug
        title
        type
        published
        isDemo
        viewerCanAdminister
      }
    }
  `;

export const CREATE_SPACE_MUTATION: TypedDocumentNode<
  CreateSpaceMutation,
  CreateSpaceMutationVariables
> = gql`
  mutation CreateSpace($input: CreateSpaceInput!) {
    createSpace(input: $input) {
      id
      slug
      title
      type
      published
      isDemo
      viewerCanAdminister
    }
  }
`;

export type AdminPhase = AdminSpace['phases'][number];

export type AdminComponent = AdminSpace['components'][number];

export type AdminSpace = NonNullable<AdminSpaceQuery['space']>;

const PHASE_FIELDS = `
  id
  title
  description
  startDate
  endDate
  active
  position
`;

export const ADMIN_SPACE_QUERY: TypedDocumentNode<AdminSpaceQuery, AdminSpaceQueryVariables> = gql`
  query AdminSpace($slug: String!) {
    space(slug: $slug) {
      id
      slug
      title
      subtitle
      description
      type
      published
      isDemo
      viewerCanAdminister
      phases {
        ${PHASE_FIELDS}
      }
      components {
        id
        title
        type
        published
        position
      }
    }
  }
`;

export const UPDATE_SPACE_MUTATION: TypedDocumentNode<
  UpdateSpaceMutation,
  UpdateSpaceMutationVariables
> = gql`
  mutation UpdateSpace($id: ID!, $input: UpdateSpaceInput!) {
    updateSpace(id: $id, input: $input) {
      id
      slug
      title
      subtitle
      description
      published
    }
  }
`;

export const DELETE_SPACE_MUTATION: TypedDocumentNode<
  DeleteSpaceMutation,
  DeleteSpaceMutationVariables
> = gql`
  mutation DeleteSpace($id: ID!) {
    deleteSpace(id: $id)
  }
`;

export const CREATE_PHASE_MUTATION: TypedDocumentNode<
  CreatePhaseMutation,
  CreatePhaseMutationVariables
> = gql`
  mutation CreatePhase($input: CreatePhaseInput!) {
    createPhase(input: $input) {
      ${PHASE_FIELDS}
    }
  }
`;

export const UPDATE_PHASE_MUTATION: TypedDocumentNode<
  UpdatePhaseMutation,
  UpdatePhaseMutationVariables
> = gql`
  mutation UpdatePhase($id: ID!, $input: PhaseInput!) {
    updatePhase(id: $id, input: $input) {
      ${PHASE_FIELDS}
    }
  }
`;

export const DELETE_PHASE_MUTATION: TypedDocumentNode<
  DeletePhaseMutation,
  DeletePhaseMutationVariables
> = gql`
  mutation DeletePhase($id: ID!) {
    deletePhase(id: $id)
  }
`;

export const ACTIVATE_PHASE_MUTATION: TypedDocumentNode<
  ActivatePhaseMutation,
  ActivatePhaseMutationVariables
> = gql`
  mutation ActivatePhase($id: ID!) {
    activatePhase(id: $id) {
      ${PHASE_FIELDS}
    }
  }
`;

export const REORDER_PHASES_MUTATION: TypedDocumentNode<
  ReorderPhasesMutation,
  ReorderPhasesMutationVariables
> = gql`
  mutation ReorderPhases($spaceId: ID!, $phaseIds: [ID!]!) {
    reorderPhases(spaceId: $spaceId, phaseIds: $phaseIds) {
      ${PHASE_FIELDS}
    }
  }
`;

export const CREATE_COMPONENT_MUTATION: TypedDocumentNode<
  CreateComponentMutation,
  CreateComponentMutationVariables
> = gql`
  mutation CreateComponent($input: CreateComponentInput!) {
    createComponent(input: $input) {
      id
      title
      type
      published
      position
    }
  }
`;

export const UPDATE_COMPONENT_MUTATION: TypedDocumentNode<
  UpdateComponentMutation,
  UpdateComponentMutationVariables
> = gql`
  mutation UpdateComponent($id: ID!, $input: UpdateComponentInput!) {
    updateComponent(id: $id, input: $input) {
      id
      title
      type
      published
      position
    }
  }
`;

export const DELETE_COMPONENT_MUTATION: TypedDocumentNode<
  DeleteComponentMutation,
  DeleteComponentMutationVariables
> = gql`
  mutation DeleteComponent($id: ID!) {
    deleteComponent(id: $id)
  }
`;

export type RoleAssignment = SpaceRolesQuery['spaceRoles'][number];

export const SPACE_ROLES_QUERY: TypedDocumentNode<SpaceRolesQuery, SpaceRolesQueryVariables> = gql`
  query SpaceRoles($spaceId: ID!) {
    spaceRoles(spaceId: $spaceId) {
      id
      role
      userName
      userEmail
    }
  }
`;

export const ASSIGN_SPACE_ROLE_MUTATION: TypedDocumentNode<
  AssignSpaceRoleMutation,
  AssignSpaceRoleMutationVariables
> = gql`
  mutation AssignSpaceRole($input: AssignSpaceRoleInput!) {
    assignSpaceRole(input: $input) {
      id
      role
      userName
      userEmail
    }
  }
`;

export const REVOKE_SPACE_ROLE_MUTATION: TypedDocumentNode<
  RevokeSpaceRoleMutation,
  RevokeSpaceRoleMutationVariables
> = gql`
  mutation RevokeSpaceRole($id: ID!) {
    revokeSpaceRole(id: $id)
  }
`;

export type AdminMember = AdminAssemblyMembersQuery['assemblyMembers'][number];

export const ADMIN_MEMBERS_QUERY: TypedDocumentNode<
  AdminAssemblyMembersQuery,
  AdminAssemblyMembersQueryVariables
> = gql`
  query AdminAssemblyMembers($spaceId: ID!) {
    assemblyMembers(spaceId: $spaceId) {
      id
      userName
      position
      college
      weight
    }
  }
`;

export const ADD_ASSEMBLY_MEMBER_MUTATION: TypedDocumentNode<
  AddAssemblyMemberMutation,
  AddAssemblyMemberMutationVariables
> = gql`
  mutation AddAssemblyMember($input: AddAssemblyMemberInput!) {
    addAssemblyMember(input: $input) {
      id
      userName
      position
      college
      weight
    }
  }
`;

export const REMOVE_ASSEMBLY_MEMBER_MUTATION: TypedDocumentNode<
  RemoveAssemblyMemberMutation,
  RemoveAssemblyMemberMutationVariables
> = gql`
  mutation RemoveAssemblyMember($id: ID!) {
    removeAssemblyMember(id: $id)
  }
`;
