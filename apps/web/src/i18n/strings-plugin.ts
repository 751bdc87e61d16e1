import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The interface strings are split by their first key segment (`proposals.support` lives in
 * `proposals.fr.json` / `proposals.en.json`): one group per feature, 38 of them. French is the
 * default language, and a page should download only the French strings it can show.
 *
 * This plugin makes every source module that names a key of a group import that group's
 * registration module (`virtual:concerto-strings/<group>`), which adds the group's French strings
 * to i18next when it is evaluated. ES modules evaluate their imports first, so the strings are
 * there before any component of the importing module renders, and the bundler puts them in the
 * chunk (entry or lazy page) of the code that uses them: the home page no longer carries the
 * votes' strings, and a lazy page brings its own. A key always appears as a literal in the code
 * that renders it or passes it on (`t('votes.secret')`, `` t(`spaces.componentType.${type}`) ``,
 * `labelKey: 'news.admin.title'`), so naming it is what pulls its strings in; a key built from
 * a variable alone (`t(group + '.title')`) would not be seen, and none is written so.
 * English, the second language, is one chunk with every group, fetched when first chosen
 * (`english.ts`).
 */

const VIRTUAL_PREFIX = 'virtual:concerto-strings/';
const RESOLVED_PREFIX = `\0${VIRTUAL_PREFIX}`;

/** The string groups: one per `<group>.fr.json` in `folder`. */
export function stringGroups(folder: string): string[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.fr.json'))
    .map((file) => file.slice(0, -'.fr.json'.length))
    .sort();
}

/**
 * The groups whose keys `code` names: a string literal (quotes or backquote) that starts with
 * `<group>.` followed by a key character.
 */
export function groupsNamedIn(code: string, groups: readonly string[]): string[] {
  const known = new Set(groups);
  const found = new Set<string>();
  for (const match of code.matchAll(/['"`]([A-Za-z][A-Za-z0-9]*)\.[A-Za-z_$]/g)) {
    if (known.has(match[1])) found.add(match[1]);
  }
  return [...found].sort();
}

/**
 * Vite plugin: the French strings of a group come with the modules that name its keys (see above).
 * @param i18nFolder the folder holding `<group>.<lang>.json` and `i18n.ts`
 */
export function concertoStrings(i18nFolder: string): Plugin {
  const groups = stringGroups(i18nFolder);
  const i18nModule = join(i18nFolder, 'i18n.ts');
  return {
    name: 'concerto-strings',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(VIRTUAL_PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED_PREFIX)) return undefined;
      const group = id.slice(RESOLVED_PREFIX.length);
      if (!groups.includes(group)) throw new Error(`unknown string group ${group}`);
      return [
        `import { addFrenchStrings } from ${JSON.stringify(i18nModule)};`,
        `import strings from ${JSON.stringify(join(i18nFolder, `${group}.fr.json`))};`,
        `addFrenchStrings(${JSON.stringify(group)}, strings);`,
      ].join('\n');
    },
    transform(code, id) {
      // the app's and the libraries' sources, not the i18n set-up itself nor dependencies
      if (!/\.(ts|tsx)$/.test(id.split('?')[0]) || id.includes('/node_modules/')) return undefined;
      if (id.startsWith(`${i18nFolder}/`)) return undefined;
      const named = groupsNamedIn(code, groups);
      if (!named.length) return undefined;
      // prepended to the first line, so every other line keeps its number (source maps stay right)
      const imports = named.map((group) => `import '${VIRTUAL_PREFIX}${group}';`).join('');
      return { code: imports + code, map: null };
    },
  };
}
