// @vitest-environment node
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateTypes, uniqueDocuments } from './codegen';

/** Every module's GraphQL documents, as in graphql-documents.spec.ts. */
const modules = import.meta.glob<Record<string, unknown>>(
  ['../modules/*/graphql/*.ts', '!../modules/*/graphql/*.spec.ts'],
  { eager: true },
);
const file = fileURLToPath(new URL('./generated.ts', import.meta.url));
const sdl = readFileSync(
  fileURLToPath(new URL('../../../api/schema.graphql', import.meta.url)),
  'utf8',
);

describe('generated GraphQL types', () => {
  it('are up to date with apps/api/schema.graphql and the documents (npm run codegen)', async () => {
    const generated = await generateTypes(sdl, uniqueDocuments(Object.values(modules)));
    // `npm run codegen` runs this test with CODEGEN_WRITE=1 to (re)write the file.
    if (process.env['CODEGEN_WRITE'] === '1') writeFileSync(file, generated);
    expect(readFileSync(file, 'utf8')).toBe(generated);
  }, 60_000);
});
