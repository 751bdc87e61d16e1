import type { MockLink } from '@apollo/client/testing';
import type { DocumentNode } from 'graphql';
import { GraphQLError } from 'graphql';
import { vi } from 'vitest';

/**
 * A mocked operation that answers whatever its variables are, and counts the requests: a form
 * whose own checks fail must send nothing (`expect(calls).not.toHaveBeenCalled()`).
 */
export function anyVariables(
  query: DocumentNode,
  result: MockLink.MockedResponse['result'],
): { mock: MockLink.MockedResponse; calls: ReturnType<typeof vi.fn> } {
  const calls = vi.fn(() => result);
  return {
    mock: {
      request: { query, variables: () => true },
      result: calls as never,
      maxUsageCount: 10,
    },
    calls,
  };
}

/**
 * The API's refusal of input fields as its validation pipe words it (French): each field in
 * `extensions.fields` (message without the key), `validationErrors` with the key, the first in `field`.
 */
export function refusedFields(...fields: [field: string, message: string][]) {
  return {
    errors: [
      new GraphQLError(fields.map(([field, message]) => `${field} : ${message}`).join(' '), {
        extensions: {
          code: 'BAD_USER_INPUT',
          field: fields[0]?.[0],
          validationErrors: fields.map(([field, message]) => `${field} : ${message}`),
          fields: fields.map(([field, message]) => ({ field, message })),
        },
      }),
    ],
  };
}
