import type { TestApp } from '../test-app';

/** A participant the contract suites act as. */
export interface ContractUser {
  token: string;
  id: string;
  email: string;
}

/** One resource a host's fixture made, in a fresh published space. */
export interface ContractResource {
  id: string;
  spaceId: string;
  /** The component holding it (its moderation queue), or null. */
  componentId: string | null;
  /** Who wrote it, when it has an author (personal data, account deletion). */
  author?: ContractUser;
  /** Words of it that the global search finds (required for a searchable type: see `SearchResultType`). */
  searchText?: string;
}

/** What a fixture receives: the app, the organization admin's token, a fresh unique suffix. */
export interface ContractContext {
  t: TestApp;
  admin: string;
  unique(): string;
  /** A fresh made-up word of letters only (a full-text search term no other resource holds). */
  word(): string;
}

/**
 * A host's test fixture factory: "create one resource of mine in a fresh space". Each host
 * adapter has one, exported from `<module>/<module>.contract.ts` as `contractFixtures`; the
 * capability contract suites (`test/capability-contracts.spec.ts`) find them and run every
 * capability the host takes against it.
 */
export interface ContractFixture {
  /** The host's resource type (`ResourceHost.type`). */
  type: string;
  create(c: ContractContext): Promise<ContractResource>;
  /** Makes the space-level event that notifies a follower of the resource (hosts without comments). */
  notifyFollowers?(c: ContractContext, resource: ContractResource): Promise<void>;
  /** Reads the resource's `viewerReported` as `token` sees it, through the query its page uses (reportable hosts shown with « Signaler »). */
  viewerReported?(c: ContractContext, resource: ContractResource, token: string): Promise<boolean>;
}

/** Runs a GraphQL operation that must succeed; throws with its errors otherwise. */
export async function must<T = any>(
  t: TestApp,
  query: string,
  vars: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const res = await t.gql(query, vars, token);
  if (res.errors?.length || !res.data)
    throw new Error(`fixture failed: ${query.slice(0, 80)} → ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

/** A fresh published space of a type. */
export async function freshSpace(
  c: ContractContext,
  type: 'PROCESS' | 'ASSEMBLY' = 'PROCESS',
): Promise<string> {
  const d = await must(
    c.t,
    `mutation($i: CreateSpaceInput!) { createSpace(input: $i) { id } }`,
    {
      i: {
        type,
        slug: `contrat-${c.unique()}`,
        title: `Espace de contrat ${c.unique()}`,
        published: true,
      },
    },
    c.admin,
  );
  return d.createSpace.id;
}

/** A fresh published component of a type in a space. */
export async function freshComponent(
  c: ContractContext,
  spaceId: string,
  type: string,
): Promise<string> {
  const d = await must(
    c.t,
    `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
    {
      i: { spaceId, type, title: `Fonctionnalité ${c.unique()}`, published: true },
    },
    c.admin,
  );
  return d.createComponent.id;
}
