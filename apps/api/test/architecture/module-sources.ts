import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** `apps/api/src/modules`. */
export const MODULES_ROOT = resolve(__dirname, '../../src/modules');

/** A module's TypeScript sources (tests excluded): path and text. */
export interface ModuleSource {
  module: string;
  file: string;
  text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every non-test `.ts` file of every module folder, with block and whole-line comments removed. */
export function moduleSources(): ModuleSource[] {
  return readdirSync(MODULES_ROOT)
    .filter((name) => statSync(join(MODULES_ROOT, name)).isDirectory())
    .flatMap((module) =>
      walk(join(MODULES_ROOT, module))
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
        .map((file) => ({ module, file, text: withoutComments(readFileSync(file, 'utf8')) })),
    );
}

/** Drops `/* … *\/` blocks and lines that are only a `//` comment (prose may say "from users"). */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** The module folders a source imports from (relative imports that leave its own folder). */
export function importedModules(source: ModuleSource): string[] {
  const found = new Set<string>();
  for (const match of source.text.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
    const target = relative(MODULES_ROOT, resolve(dirname(source.file), match[1]));
    if (target.startsWith('..')) continue; // common/, platform/, config/…
    const module = target.split('/')[0];
    if (module !== source.module) found.add(module);
  }
  return [...found];
}

/** The SQL statements' table references in a text: `FROM|JOIN t` (read), `INTO|UPDATE|DELETE FROM|TRUNCATE t` (write). */
export function tableReferences(
  text: string,
  tables: readonly string[],
): { table: string; write: boolean }[] {
  const pattern = new RegExp(
    `\\b(FROM|JOIN|INTO|UPDATE|DELETE FROM|TRUNCATE)\\s+(?:ONLY\\s+)?"?(${tables.join('|')})\\b`,
    'g',
  );
  return [...text.matchAll(pattern)].map((m) => ({
    table: m[2],
    write: m[1] !== 'FROM' && m[1] !== 'JOIN',
  }));
}
