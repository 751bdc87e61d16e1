import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  ASTVisitor,
  BREAK,
  DocumentNode,
  GraphQLError,
  ParseOptions,
  ValidationContext,
  ValidationRule,
  visit,
} from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Deepest selection a query may have (the web app's deepest, comment replies, is ≈ 8 levels). */
export const MAX_QUERY_DEPTH = 12;
/** Deepest introspection (`__schema`) selection: graphql-js's own introspection query is 15 levels deep. */
export const MAX_INTROSPECTION_DEPTH = 16;
/** Most fields a query may select, each counted once (`graphql-query-complexity`'s simple estimator). */
export const MAX_QUERY_COMPLEXITY = 1000;
/** Most aliases in one operation, fragments included (the web app uses a handful). */
export const MAX_QUERY_ALIASES = 30;
/** Most directives in one operation, fragments included (`@include`/`@skip`: the web app uses a few). */
export const MAX_QUERY_DIRECTIVES = 30;
/** Most lexical tokens in one document: parsing stops there, before any validation rule runs (the web app's largest is < 400). */
export const MAX_QUERY_TOKENS = 4000;

/**
 * Why a document was refused before it ran: the reason a client reads in `extensions.reason`
 * (with `extensions.code = GRAPHQL_VALIDATION_FAILED`), and the French/English text the error
 * formatter gives it (see `error-messages.ts`).
 */
export type QueryLimitReason =
  | 'QUERY_TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_DIRECTIVES'
  | 'QUERY_REFUSED';

/** Pulls the measured figure out of GraphQL Armor's English message (`… limit of 12 exceeded, found 40.`). */
const foundIn = (message: string): number | undefined => {
  const match = /found (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
};

/** GraphQL Armor's options for one limit: report the refusal as a validation error with our reason (never throw out of `validate`). */
function armorOptions(n: number, reason: QueryLimitReason) {
  return {
    n,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(
          new GraphQLError(error.message, {
            extensions: { reason, maximum: n, found: foundIn(error.message) },
          }),
        ),
    ],
  };
}

/**
 * Wraps a validation rule so that an exception thrown by its visitor (a bug, or a document no
 * one foresaw) becomes a validation error (`reason: QUERY_REFUSED`) instead of escaping
 * `graphql.validate`, which Apollo would answer with HTTP 500. The rule's later visits are skipped.
 * @param rule any validation rule
 */
export function neverThrowing(rule: ValidationRule): ValidationRule {
  return (context) => {
    const visitor = rule(context) as Record<string, unknown>;
    let broken = false;
    const guard = (fn: unknown) =>
      typeof fn === 'function'
        ? (...args: unknown[]) => {
            if (broken) return undefined;
            try {
              return (fn as (...a: unknown[]) => unknown).apply(visitor, args);
            } catch (error) {
              broken = true;
              context.reportError(
                new GraphQLError(error instanceof Error ? error.message : String(error), {
                  extensions: { reason: 'QUERY_REFUSED' },
                }),
              );
              return undefined;
            }
          }
        : fn;
    const wrapped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(visitor)) {
      if (typeof value === 'function') wrapped[key] = guard(value);
      else if (value && typeof value === 'object') {
        const { enter, leave } = value as { enter?: unknown; leave?: unknown };
        wrapped[key] = { enter: guard(enter), leave: guard(leave) };
      } else wrapped[key] = value;
    }
    // GraphQL Armor's visitors keep `OperationDefinition: { enter }` with an unbound method: `guard` applies it to the visitor
    return wrapped as ASTVisitor;
  };
}

/**
 * The document limits, as validation rules run with graphql-js's own rules (GraphQL Armor's
 * maintained plugins, which follow each fragment once, so fragment cycles and unknown fragments
 * are left to graphql-js's `NoFragmentCycles`/`KnownFragmentNames`): depth
 * ({@link MAX_QUERY_DEPTH}; `__schema` selections up to {@link MAX_INTROSPECTION_DEPTH}, so
 * introspection cannot nest without end), aliases ({@link MAX_QUERY_ALIASES}) and directives ({@link MAX_QUERY_DIRECTIVES}).
 * Each refusal is a `GRAPHQL_VALIDATION_FAILED` error (HTTP 400) with `extensions.reason`,
 * `maximum` and `found`; the error formatter words it in the caller's language.
 */
export function queryLimitRules(): ValidationRule[] {
  return [
    maxDepthRule({
      ...armorOptions(MAX_QUERY_DEPTH, 'QUERY_TOO_DEEP'),
      ignoreIntrospection: true,
      flattenFragments: true,
    }),
    // `__schema` is left out above (GraphQL tools' introspection query is 15 deep) but not without end
    maxDepthRule({
      ...armorOptions(MAX_INTROSPECTION_DEPTH, 'QUERY_TOO_DEEP'),
      ignoreIntrospection: false,
      flattenFragments: true,
    }),
    // `__typename` counts too (Armor's default lets it be aliased without limit)
    maxAliasesRule({ ...armorOptions(MAX_QUERY_ALIASES, 'TOO_MANY_ALIASES'), allowList: [] }),
    maxDirectivesRule(armorOptions(MAX_QUERY_DIRECTIVES, 'TOO_MANY_DIRECTIVES')),
  ].map(neverThrowing);
}

/** Options of graphql-js's parser: a document of more than {@link MAX_QUERY_TOKENS} tokens is a syntax error, found while lexing. */
export const queryParseOptions: ParseOptions = { maxTokens: MAX_QUERY_TOKENS };

/**
 * Apollo plugin refusing an operation whose complexity exceeds {@link MAX_QUERY_COMPLEXITY}
 * before it runs, with `extensions.code = BAD_USER_INPUT` and the measured figure.
 */
export function complexityLimitPlugin(): ApolloServerPlugin {
  // Apollo hands the same DocumentNode for the same query string (its document store), so a
  // document's complexity is computed once when nothing in it depends on the variables: the
  // simple estimator counts fields, and only `@include`/`@skip` (directives) read variables.
  const known = new WeakMap<DocumentNode, Map<string | undefined, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const operationName = request.operationName ?? undefined;
          const cacheable = !hasDirectives(document);
          let complexity = cacheable ? known.get(document)?.get(operationName) : undefined;
          if (complexity === undefined) {
            try {
              complexity = getComplexity({
                schema,
                query: document,
                variables: request.variables ?? {},
                operationName,
                estimators: [simpleEstimator({ defaultComplexity: 1 })],
              });
            } catch {
              return; // invalid variables: execution reports them with BAD_USER_INPUT
            }
            if (cacheable) {
              const byOperation = known.get(document) ?? new Map<string | undefined, number>();
              byOperation.set(operationName, complexity);
              known.set(document, byOperation);
            }
          }
          if (complexity > MAX_QUERY_COMPLEXITY) {
            throw new GraphQLError(
              `Requête trop complexe : ${complexity} (maximum ${MAX_QUERY_COMPLEXITY}).`,
              {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  reason: 'QUERY_TOO_COMPLEX',
                  complexity,
                  found: complexity,
                  maximum: MAX_QUERY_COMPLEXITY,
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}

/** Whether a document holds any directive (looked up once per document). */
const directivesIn = new WeakMap<DocumentNode, boolean>();
function hasDirectives(document: DocumentNode): boolean {
  let found = directivesIn.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Directive() {
        found = true;
        return BREAK;
      },
    });
    directivesIn.set(document, found);
  }
  return found;
}

/** Whether a document's string literals hold unusable text (looked up once per document). */
const unusableLiterals = new WeakMap<DocumentNode, boolean>();
function hasUnusableLiteral(document: DocumentNode): boolean {
  let found = unusableLiterals.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      StringValue(node) {
        if (UNUSABLE_TEXT.test(node.value)) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    });
    unusableLiterals.set(document, found);
  }
  return found;
}

/** A NUL character, or a UTF-16 surrogate without its pair: text no one types and PostgreSQL refuses. */
const UNUSABLE_TEXT =
  // eslint-disable-next-line no-control-regex -- the NUL character is exactly what this looks for
  /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function findUnusableText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return UNUSABLE_TEXT.test(value);
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(
    ([key, item]) => UNUSABLE_TEXT.test(key) || findUnusableText(item, depth + 1),
  );
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
          if (findUnusableText(request.variables ?? {}) || hasUnusableLiteral(document)) {
            throw new GraphQLError(
              'Texte invalide : caractère nul ou caractère Unicode incomplet.',
              {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  reason: 'UNUSABLE_TEXT',
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}
