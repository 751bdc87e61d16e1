import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every string of a JSON translation tree, with its key path. */
function strings(node: unknown, path: string[] = []): [string, string][] {
  if (typeof node === 'string') return [[path.join('.'), node]];
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([key, value]) => strings(value, [...path, key]));
  return [];
}

const folder = __dirname;
const french = readdirSync(folder).filter((file) => file.endsWith('fr.json'));

/**
 * French typography of the interface (Imprimerie nationale's rules, as the French typesetting
 * conventions of the Lexique des règles typographiques): a narrow no-break space (U+202F) before
 * « ; », « ! » and « ? », a no-break space (U+00A0) before « : » and inside guillemets — never an
 * ordinary space, which lets a line break leave the mark alone at the start of a line.
 */
describe('French typography of the interface strings', () => {
  it.each(french)('%s: no ordinary space before ; : ! ? or inside « »', (file) => {
    const faults = strings(JSON.parse(readFileSync(join(folder, file), 'utf8')))
      // a mark quoted on its own (« ; » in a syntax hint) is text, not punctuation
      .map(([key, text]): [string, string] => [key, text.replace(/«\u00a0.\u00a0»/g, '«»')])
      .filter(
        ([, text]) =>
          / [;:!?](\s|$)/.test(text) ||
          /« /.test(text) ||
          / »/.test(text) ||
          /\u00a0[;!?]/.test(text),
      );
    expect(faults).toEqual([]);
  });
});
