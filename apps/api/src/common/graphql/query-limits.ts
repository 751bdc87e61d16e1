import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, ValidationRule } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Deepest selection a query may have (the web app's deepest, comment replies, is ≈ 8 levels). */
export const MAX_QUERY_DEPTH = 12;
/** Most fields a query may select, each counted once (`graphql-query-complexity`'s simple estimator). */
export const MAX_QUERY_COMPLEXITY = 1000;

/** Validation rule refusing queries nested deeper than {@link MAX_QUERY_DEPTH} (graphql-depth-limit). */
export function depthLimitRule(): ValidationRule {
  return depthLimit(MAX_QUERY_DEPTH);
}

/**
 * Apollo plugin refusing an operation whose complexity exceeds {@link MAX_QUERY_COMPLEXITY}
 * before it runs, with `extensions.code = BAD_USER_INPUT` and the measured figure.
 */
export function complexityLimitPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            return; // invalid variables: execution reports them with BAD_USER_INPUT
          }
          if (complexity > MAX_QUERY_COMPLEXITY) {
            throw new GraphQLError(`Requête trop complexe : ${complexity} (maximum ${MAX_QUERY_COMPLEXITY}).`, {
              extensions: { code: 'BAD_USER_INPUT', complexity, maximum: MAX_QUERY_COMPLEXITY },
            });
          }
        },
      };
    },
  };
}
