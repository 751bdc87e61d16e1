import { ApolloClient, HttpLink, InMemoryCache, type ApolloLink } from '@apollo/client';

/** The cache: entities are normalised by `id`; lists are replaced, never merged. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      ParticipatorySpace: {
        fields: {
          phases: { merge: (_existing, incoming: unknown[]) => incoming },
          components: { merge: (_existing, incoming: unknown[]) => incoming },
        },
      },
      Query: {
        fields: {
          spaces: { merge: (_existing, incoming: unknown[]) => incoming },
          assemblyMembers: { merge: (_existing, incoming: unknown[]) => incoming },
          spaceRoles: { merge: (_existing, incoming: unknown[]) => incoming },
          // Pages of one ordering (component, order, seed, filter) are appended; a first page replaces.
          proposals: {
            keyArgs: ['componentId', 'order', 'seed', 'filter'],
            merge(existing: { edges: unknown[] } | undefined, incoming: { edges: unknown[] }, { args }) {
              if (!existing || !args?.after) return incoming;
              return { ...incoming, edges: [...existing.edges, ...incoming.edges] };
            },
          },
        },
      },
    },
  });
}

/**
 * The browser's Apollo client: same-origin `/graphql`, the session travels in the
 * httpOnly cookie set by `register`/`login` (`credentials: 'same-origin'`).
 * @param link another link (tests)
 */
export function createApolloClient(link?: ApolloLink): ApolloClient {
  return new ApolloClient({
    link: link ?? new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: createCache(),
    // Pages show what the database holds now (exact counts), then keep the cache for re-renders.
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' } },
  });
}
