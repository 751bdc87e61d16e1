// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, validate, type DocumentNode } from 'graphql';

/** Every module's GraphQL documents (`src/modules/<domain>/graphql/*.ts`), found by the bundler's glob. */
const modules = import.meta.glob<Record<string, unknown>>(
  ['./modules/*/graphql/*.ts', '!./modules/*/graphql/*.spec.ts'],
  { eager: true },
);

/** The API's SDL is the contract: every document the web app sends must validate against it. */
const schema = buildSchema(
  readFileSync(fileURLToPath(new URL('../../api/schema.graphql', import.meta.url)), 'utf8'),
);

function documentsOf(module: Record<string, unknown>): Array<[string, DocumentNode]> {
  return Object.entries(module).filter(
    (entry): entry is [string, DocumentNode] =>
      (entry[1] as DocumentNode | null)?.kind === 'Document',
  );
}

const documents = Object.values(modules).flatMap(documentsOf);

describe('GraphQL documents', () => {
  it('are all found', () => {
    expect(documents.length).toBeGreaterThanOrEqual(30);
  });

  it.each(documents)('%s validates against apps/api/schema.graphql', (_name, document) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
