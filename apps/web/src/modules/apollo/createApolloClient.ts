import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { currentLanguage } from '../../i18n/i18n';
import { contentRemovedLink } from './contentRemoved';

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
            merge(
              existing: { edges: unknown[] } | undefined,
              incoming: { edges: unknown[] },
              { args },
            ) {
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
 * `fetch` that sends the interface's language as `Accept-Language`, so the API words its errors
 * in the language on screen (not the browser's: a French interface in an English browser).
 */
export const fetchInInterfaceLanguage: typeof fetch = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('accept-language', currentLanguage());
  return fetch(input, { ...init, headers });
};

/**
 * The browser's Apollo client: same-origin `/graphql`, the session travels in the
 * httpOnly cookie set by `register`/`login` (`credentials: 'same-origin'`); errors come in the
 * interface's language (`Accept-Language`); what the server removed from a submitted text is
 * reported to the author (`contentRemovedLink`).
 * @param link another link (tests)
 */
export function createApolloClient(link?: ApolloLink): ApolloClient {
  return new ApolloClient({
    link:
      link ??
      ApolloLink.from([
        contentRemovedLink,
        new HttpLink({
          uri: '/graphql',
          credentials: 'same-origin',
          fetch: fetchInInterfaceLanguage,
        }),
      ]),
    cache: createCache(),
    // Pages show what the database holds now (exact counts), then keep the cache for re-renders.
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' },
    },
  });
}
