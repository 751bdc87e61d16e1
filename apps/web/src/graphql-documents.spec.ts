// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, validate, type DocumentNode } from 'graphql';
import * as admin from './modules/admin/graphql/admin';
import * as auth from './modules/auth/graphql/auth';
import * as components from './modules/components/graphql/components';
import * as spaces from './modules/spaces/graphql/spaces';
import * as texts from './modules/texts/graphql/texts';

/** The API's SDL is the contract: every document the web app sends must validate against it. */
const schema = buildSchema(readFileSync(fileURLToPath(new URL('../../api/schema.graphql', import.meta.url)), 'utf8'));

function documentsOf(module: Record<string, unknown>): Array<[string, DocumentNode]> {
  return Object.entries(module).filter((entry): entry is [string, DocumentNode] => (entry[1] as DocumentNode | null)?.kind === 'Document');
}

const documents = [...documentsOf(auth), ...documentsOf(spaces), ...documentsOf(components), ...documentsOf(admin), ...documentsOf(texts)];

describe('GraphQL documents', () => {
  it('are all found', () => {
    expect(documents.length).toBeGreaterThanOrEqual(30);
  });

  it.each(documents)('%s validates against apps/api/schema.graphql', (_name, document) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
