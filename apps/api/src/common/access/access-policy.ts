import { SpaceRole } from '@concerto/domain';
import { SetMetadata } from '@nestjs/common';

/** Where a space-scoped operation finds the space it acts on, read from the GraphQL arguments. */
export type SpaceReference =
  | { spaceId: string }
  | { componentId: string }
  | { phaseId: string }
  | { spaceRoleId: string }
  | { assemblyMemberId: string }
  /** a resource, through its host adapter (`ResourceHost.reference`) */
  | { resource: { type: string; id: string } }
  /** ids a module registered a `SpaceLocator` for */
  | { surveyId: string }
  | { surveyQuestionId: string }
  | { surveyOptionId: string };

/**
 * Who may call a resolver. Every query, mutation and resolve-field handler declares one
 * (the {@link AccessGuard} refuses handlers without a policy, and a test enumerates them).
 */
export type AccessPolicy =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'organizationAdmin' }
  | { kind: 'spaceRole'; roles: SpaceRole[]; space: (args: Record<string, any>) => SpaceReference };

export const ACCESS_POLICY = 'concerto:access-policy';

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** Any signed-in user (participant or above); otherwise UNAUTHENTICATED. */
export const Authenticated = () =>
  SetMetadata(ACCESS_POLICY, { kind: 'authenticated' } satisfies AccessPolicy);

/** Organization administrators only; otherwise UNAUTHENTICATED / FORBIDDEN. */
export const OrganizationAdmin = () =>
  SetMetadata(ACCESS_POLICY, { kind: 'organizationAdmin' } satisfies AccessPolicy);

/**
 * Holders of one of `roles` in the space the arguments point at, and organization administrators.
 * @param roles space roles allowed
 * @param space reads the space, component or phase id from the resolver's arguments
 */
export const SpaceRoles = (
  roles: SpaceRole[],
  space: (args: Record<string, any>) => SpaceReference,
) => SetMetadata(ACCESS_POLICY, { kind: 'spaceRole', roles, space } satisfies AccessPolicy);

export const OWN_ACCOUNT = 'concerto:own-account';

/**
 * Marks a mutation about the caller's own account (sign-out, password, deletion, data export,
 * terms, notification settings, e-mail confirmation): allowed even while the account may not
 * participate (e-mail not confirmed when `EMAIL_CONFIRMATION_REQUIRED`). Every other mutation
 * that needs a signed-in user is refused to such an account (FORBIDDEN, `reason: EMAIL_NOT_CONFIRMED`).
 */
export const OwnAccount = () => SetMetadata(OWN_ACCOUNT, true);
