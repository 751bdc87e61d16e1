import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, ValidationRule, visit } from 'graphql';
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
              extensions: { code: 'BAD_USER_INPUT', complexity, maximum: MAX_QUERY_COMPLEXITY, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** A NUL character, or a UTF-16 surrogate without its pair: text no one types and PostgreSQL refuses. */
// eslint-disable-next-line no-control-regex -- the NUL character is exactly what this looks for
const UNUSABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function findUnusableText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return UNUSABLE_TEXT.test(value);
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, item]) => UNUSABLE_TEXT.test(key) || findUnusableText(item, depth + 1));
}

/**
 * Apollo plugin refusing, before anything runs, an operation whose string arguments or
 * variables hold a NUL character or a lone UTF-16 surrogate: `BAD_USER_INPUT`, HTTP 400.
 */
export function unusableTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let found = findUnusableText(request.variables ?? {});
          if (!found) {
            visit(document, {
              StringValue(node) {
                if (UNUSABLE_TEXT.test(node.value)) found = true;
              },
            });
          }
          if (found) {
            throw new GraphQLError('Texte invalide : caractère nul ou caractère Unicode incomplet.', {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
