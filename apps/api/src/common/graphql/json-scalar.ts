import { GraphQLError, GraphQLScalarType } from 'graphql';
import GraphQLJSON from 'graphql-type-json';

/** Bounds of a JSON argument: nesting depth and number of values (objects, arrays and leaves). */
export const JsonLimits = { maxDepth: 10, maxValues: 2000 } as const;

/** Keys that would reach an object's prototype once copied by class-transformer or a merge. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Refuses a JSON value with a prototype key (`__proto__`, `constructor`, `prototype`), nested
 * deeper than {@link JsonLimits.maxDepth} or holding more than {@link JsonLimits.maxValues}
 * values. Walks with an explicit stack, so a hostile value
 * 100,000 levels deep cannot overflow the call stack (class-transformer, which the validation
 * pipe runs next, recurses and would).
 * @param value a parsed JSON value
 * @returns the value unchanged
 * @throws GraphQLError BAD_USER_INPUT when a bound is passed or a prototype key is present
 */
export function boundedJson(value: unknown): unknown {
  const stack: [unknown, number][] = [[value, 1]];
  let values = 0;
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    values += 1;
    if (values > JsonLimits.maxValues)
      throw new GraphQLError(`JSON : ${JsonLimits.maxValues} valeurs au plus.`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    if (node !== null && typeof node === 'object') {
      if (depth > JsonLimits.maxDepth)
        throw new GraphQLError(`JSON : ${JsonLimits.maxDepth} niveaux d’imbrication au plus.`, {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      for (const [key, child] of Object.entries(node)) {
        if (FORBIDDEN_KEYS.has(key))
          throw new GraphQLError(`JSON : clé interdite « ${key} ».`, {
            extensions: { code: 'BAD_USER_INPUT' },
          });
        stack.push([child, depth + 1]);
      }
    }
  }
  return value;
}

/**
 * The schema's `JSON` scalar (graphql-type-json's, same name and description) with
 * {@link boundedJson} applied to every input, as a variable or inline.
 */
export const BoundedJSON = new GraphQLScalarType({
  name: 'JSON',
  description: GraphQLJSON.description,
  serialize: (value) => GraphQLJSON.serialize(value),
  parseValue: (value) => boundedJson(value),
  parseLiteral: (ast, variables) => boundedJson(GraphQLJSON.parseLiteral(ast, variables)),
});
