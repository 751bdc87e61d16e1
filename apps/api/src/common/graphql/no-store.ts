import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Apollo plugin: every GraphQL response is `Cache-Control: no-store` (answers depend on the
 * caller; no shared or browser cache keeps them). This is what Apollo's default cache-control
 * plugin sent, no field declaring a cache hint; that plugin is disabled because it also hooks
 * every resolved field of every request to collect those hints.
 */
export function noStorePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
