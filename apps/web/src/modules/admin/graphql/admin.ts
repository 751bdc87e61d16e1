import type { AssemblyPosition, ComponentType, SpaceRole, SpaceType } from '@concerto/domain';
import { gql, type TypedDocumentNode } from '@apollo/client';

export interface AdminSpaceRow {
  id: string;
  slug: string;
  title: string;
  type: SpaceType;
  published: boolean;
  isDemo: boolean;
  viewerCanAdminister: boolean;
}

export const ADMIN_SPACES_QUERY: TypedDocumentNode<
  { spaces: AdminSpaceRow[] },
  Record<string, never>
> = gql`
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

export interface CreateSpaceInput {
  type: SpaceType;
  slug: string;
  title: string;
  subtitle?: string;
  description?: string;
  published: boolean;
}

export const CREATE_SPACE_MUTATION: TypedDocumentNode<
  { createSpace: AdminSpaceRow },
  { input: CreateSpaceInput }
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

export interface AdminPhase {
  id: string;
  title: string;
  description: string;
  startDate: string | null;
  endDate: string | null;
  active: boolean;
  position: number;
}

export interface AdminComponent {
  id: string;
  title: string;
  type: ComponentType;
  published: boolean;
  position: number;
}

export interface AdminSpace {
  id: string;
  slug: string;
  title: string;
  subtitle: string;
  description: string;
  type: SpaceType;
  published: boolean;
  isDemo: boolean;
  viewerCanAdminister: boolean;
  phases: AdminPhase[];
  components: AdminComponent[];
}

const PHASE_FIELDS = `
  id
  title
  description
  startDate
  endDate
  active
  position
`;

export const ADMIN_SPACE_QUERY: TypedDocumentNode<{ space: AdminSpace }, { slug: string }> = gql`
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

export interface UpdateSpaceInput {
  slug?: string;
  title?: string;
  subtitle?: string;
  description?: string;
  published?: boolean;
}

export const UPDATE_SPACE_MUTATION: TypedDocumentNode<
  {
    updateSpace: Pick<
      AdminSpace,
      'id' | 'slug' | 'title' | 'subtitle' | 'description' | 'published'
    >;
  },
  { id: string; input: UpdateSpaceInput }
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

export const DELETE_SPACE_MUTATION: TypedDocumentNode<{ deleteSpace: boolean }, { id: string }> =
  gql`
    mutation DeleteSpace($id: ID!) {
      deleteSpace(id: $id)
    }
  `;

export interface PhaseInput {
  title: string;
  description?: string;
  startDate?: string | null;
  endDate?: string | null;
}

export const CREATE_PHASE_MUTATION: TypedDocumentNode<
  { createPhase: AdminPhase },
  { input: PhaseInput & { spaceId: string } }
> = gql`
  mutation CreatePhase($input: CreatePhaseInput!) {
    createPhase(input: $input) {
      ${PHASE_FIELDS}
    }
  }
`;

export const UPDATE_PHASE_MUTATION: TypedDocumentNode<
  { updatePhase: AdminPhase },
  { id: string; input: PhaseInput }
> = gql`
  mutation UpdatePhase($id: ID!, $input: PhaseInput!) {
    updatePhase(id: $id, input: $input) {
      ${PHASE_FIELDS}
    }
  }
`;

export const DELETE_PHASE_MUTATION: TypedDocumentNode<{ deletePhase: boolean }, { id: string }> =
  gql`
    mutation DeletePhase($id: ID!) {
      deletePhase(id: $id)
    }
  `;

export const ACTIVATE_PHASE_MUTATION: TypedDocumentNode<
  { activatePhase: AdminPhase[] },
  { id: string }
> = gql`
  mutation ActivatePhase($id: ID!) {
    activatePhase(id: $id) {
      ${PHASE_FIELDS}
    }
  }
`;

export const REORDER_PHASES_MUTATION: TypedDocumentNode<
  { reorderPhases: AdminPhase[] },
  { spaceId: string; phaseIds: string[] }
> = gql`
  mutation ReorderPhases($spaceId: ID!, $phaseIds: [ID!]!) {
    reorderPhases(spaceId: $spaceId, phaseIds: $phaseIds) {
      ${PHASE_FIELDS}
    }
  }
`;

export const CREATE_COMPONENT_MUTATION: TypedDocumentNode<
  { createComponent: AdminComponent },
  {
    input: {
      spaceId: string;
      type: ComponentType;
      title: string;
      description?: string;
      published: boolean;
    };
  }
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
  { updateComponent: AdminComponent },
  {
    id: string;
    input: { title?: string; published?: boolean; description?: string; position?: number };
  }
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
  { deleteComponent: boolean },
  { id: string }
> = gql`
  mutation DeleteComponent($id: ID!) {
    deleteComponent(id: $id)
  }
`;

export interface RoleAssignment {
  id: string;
  role: SpaceRole;
  userName: string;
  userEmail: string;
}

export const SPACE_ROLES_QUERY: TypedDocumentNode<
  { spaceRoles: RoleAssignment[] },
  { spaceId: string }
> = gql`
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
  { assignSpaceRole: RoleAssignment },
  { input: { spaceId: string; email: string; role: SpaceRole } }
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
  { revokeSpaceRole: boolean },
  { id: string }
> = gql`
  mutation RevokeSpaceRole($id: ID!) {
    revokeSpaceRole(id: $id)
  }
`;

export interface AdminMember {
  id: string;
  userName: string;
  position: AssemblyPosition;
  college: string | null;
  weight: number;
}

export const ADMIN_MEMBERS_QUERY: TypedDocumentNode<
  { assemblyMembers: AdminMember[] },
  { spaceId: string }
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
  { addAssemblyMember: AdminMember },
  {
    input: {
      spaceId: string;
      email: string;
      position: AssemblyPosition;
      college?: string | null;
      weight: number;
    };
  }
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
  { removeAssemblyMember: boolean },
  { id: string }
> = gql`
  mutation RemoveAssemblyMember($id: ID!) {
    removeAssemblyMember(id: $id)
  }
`;
