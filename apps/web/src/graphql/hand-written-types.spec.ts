// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Issue #12 item 6: the web's GraphQL result and input types come from `generated.ts`
 * (`npm run codegen`); a module derives what it needs from them (`XxxQuery['field'][number]`,
 * `NonNullable<…>`, fragments). This test fails when a module declares by hand again a type whose
 * fields are exactly those of a generated object type (a result shape or an input), or a string
 * union equal to a generated enum; when a document is typed by something other than its own
 * generated operation types; and when a hook call names its result type instead of inferring it
 * from the typed document.
 */
const src = fileURLToPath(new URL('..', import.meta.url));
const parse = (file: string) =>
  ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);

/** Non-test sources of every web module. */
const moduleFiles = readdirSync(`${src}modules`, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.tsx?$/.test(f) && !/\.spec\.tsx?$/.test(f))
  .map((f) => `modules/${f.replaceAll('\\', '/')}`);

const fieldsOf = (members: ts.NodeArray<ts.TypeElement>): string[] =>
  members
    .filter(ts.isPropertySignature)
    .map((m) => m.name.getText())
    .filter((name) => name !== '__typename')
    .sort();

const stringUnion = (type: ts.TypeNode): string[] | null => {
  if (!ts.isUnionTypeNode(type)) return null;
  const values = type.types.map((t) =>
    ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? t.literal.text : null,
  );
  return values.every((v) => v !== null) ? (values as string[]).sort() : null;
};

/** Field sets of the generated object types (at any depth) and values of the generated enums. */
const generatedShapes = new Map<string, string>();
const generatedEnums = new Map<string, string>();
const generatedNames = new Set<string>();
(function walk(node: ts.Node, owner: string) {
  if (ts.isTypeAliasDeclaration(node)) {
    owner = node.name.text;
    generatedNames.add(owner);
    const values = stringUnion(node.type);
    if (values) generatedEnums.set(values.join('|'), owner);
  }
  if (ts.isTypeLiteralNode(node)) {
    const fields = fieldsOf(node.members);
    if (fields.length >= 3 && !generatedShapes.has(fields.join(',')))
      generatedShapes.set(fields.join(','), owner);
  }
  ts.forEachChild(node, (child) => walk(child, owner));
})(parse(`${src}graphql/generated.ts`), '');

interface Finding {
  at: string;
  name: string;
  mirrors: string;
}

function handWritten(file: string): Finding[] {
  const sf = parse(`${src}${file}`);
  const found: Finding[] = [];
  const at = (node: ts.Node) =>
    `${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  (function walk(node: ts.Node) {
    let fields: string[] | null = null;
    let name = '';
    if (ts.isInterfaceDeclaration(node)) {
      fields = fieldsOf(node.members);
      name = node.name.text;
    } else if (ts.isTypeAliasDeclaration(node)) {
      name = node.name.text;
      if (ts.isTypeLiteralNode(node.type)) fields = fieldsOf(node.type.members);
      const values = stringUnion(node.type);
      const enumName = values && generatedEnums.get(values.join('|'));
      if (enumName) found.push({ at: at(node), name, mirrors: enumName });
    }
    const shape = fields && generatedShapes.get(fields.join(','));
    if (shape) found.push({ at: at(node), name, mirrors: shape });
    ts.forEachChild(node, walk);
  })(sf);
  return found;
}

/** `TypedDocumentNode<…> = gql\` query Name` annotations whose type arguments skip `NameQuery`/`NameQueryVariables`. */
function untypedDocuments(file: string): string[] {
  const text = readFileSync(`${src}${file}`, 'utf8');
  const bad: string[] = [];
  const annotation =
    /TypedDocumentNode<([^=]*?)>\s*=\s*gql`\s*(query|mutation|subscription)\s+(\w+)/g;
  for (const [, args, kind, name] of text.matchAll(annotation)) {
    const result = `${name}${kind[0].toUpperCase()}${kind.slice(1)}`;
    if (!new RegExp(`\\b${result}\\b`).test(args) || !args.includes(`${result}Variables`))
      bad.push(`${file}: ${name} is typed ${args.replace(/\s+/g, ' ').trim()}`);
    else if (!generatedNames.has(result)) bad.push(`${file}: ${result} is not generated`);
  }
  return bad;
}

describe('web GraphQL types', () => {
  it('finds the generated shapes and the modules', () => {
    expect(generatedShapes.size).toBeGreaterThan(100);
    expect(generatedEnums.size).toBeGreaterThan(10);
    expect(moduleFiles.length).toBeGreaterThan(100);
  });

  it('are not declared by hand in the modules: derive them from graphql/generated', () => {
    expect(
      moduleFiles.flatMap(handWritten).map((f) => `${f.at} ${f.name} mirrors ${f.mirrors}`),
    ).toEqual([]);
  }, 60_000);

  it('leave Apollo hooks to infer their types from the typed documents', () => {
    const explicit = /\buse(?:Lazy|Suspense|Background)?(?:Query|Mutation|Subscription)\s*</;
    expect(moduleFiles.filter((f) => explicit.test(readFileSync(`${src}${f}`, 'utf8')))).toEqual(
      [],
    );
  });

  it('type every document with its own generated operation types', () => {
    const graphqlFiles = moduleFiles.filter((f) => /^modules\/[^/]+\/graphql\//.test(f));
    expect(graphqlFiles.length).toBeGreaterThanOrEqual(20);
    expect(graphqlFiles.flatMap(untypedDocuments)).toEqual([]);
  });
});
