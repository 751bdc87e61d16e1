import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { groupsNamedIn, stringGroups } from './strings-plugin';

const folder = __dirname;
const groups = stringGroups(folder);
const read = (file: string): unknown => JSON.parse(readFileSync(join(folder, file), 'utf8'));

/** Every key path of a JSON translation tree (plural forms `_one`, `_other`… kept as written). */
function keys(node: unknown, path: string[] = []): string[] {
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([key, value]) => keys(value, [...path, key]));
  return [path.join('.')];
}

/** The app's source files (specs aside), relative to `src`. */
function sources(dir = join(folder, '..')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.spec.') ? [path] : [];
  });
}

describe('interface strings split by group', () => {
  it('finds the groups a module names, in quotes, double quotes or backquotes', () => {
    const code = [
      `t('proposals.support');`,
      '<Trans i18nKey="texts.article" />',
      't(`spaces.componentType.${type}`);',
      `const label = { labelKey: 'news.admin.title' };`,
    ].join('\n');
    expect(groupsNamedIn(code, groups)).toEqual(['news', 'proposals', 'spaces', 'texts']);
  });

  it('ignores paths, file names and words that are not a group', () => {
    const code = `import x from './proposals.fr.json'; const f = 'answers.csv'; 'votes'; "votes ."`;
    expect(groupsNamedIn(code, groups)).toEqual([]);
  });

  it('has, for every group, a French and an English file with the same keys', () => {
    const english = readdirSync(folder)
      .filter((file) => file.endsWith('.en.json'))
      .map((file) => file.slice(0, -'.en.json'.length))
      .sort();
    expect(english).toEqual(groups);
    for (const group of groups) {
      const fr = keys(read(`${group}.fr.json`)).sort();
      const en = keys(read(`${group}.en.json`)).sort();
      // English has one plural form where French may have two (`_one`, `_many`…): compare the stems
      const stem = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
      expect({ group, keys: [...new Set(en.map(stem))] }).toEqual({
        group,
        keys: [...new Set(fr.map(stem))],
      });
    }
  });

  it('holds, in French, every key the code names in full', () => {
    const french = Object.fromEntries(groups.map((group) => [group, read(`${group}.fr.json`)]));
    const exists = (key: string) =>
      ['', '_one', '_other'].some((suffix) => {
        let node: unknown = french;
        for (const part of `${key}${suffix}`.split('.')) {
          if (!node || typeof node !== 'object' || !(part in node)) return false;
          node = (node as Record<string, unknown>)[part];
        }
        return true;
      });
    const missing = sources().flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/['"]([A-Za-z]+(?:\.[A-Za-z0-9_]+)+)['"]/g)]
        .map((match) => match[1])
        .filter((key) => groups.includes(key.split('.')[0]) && !exists(key))
        .map((key) => `${relative(folder, file)}: ${key}`),
    );
    expect(missing).toEqual([]);
  });
});
