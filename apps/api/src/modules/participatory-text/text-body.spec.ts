import MarkdownIt from 'markdown-it';
import { isSafeLink } from '@concerto/domain';
import { cleanMarkdown } from './text-body';

/** Every link and image destination a permissive renderer would produce from `markdown`. */
function hrefs(markdown: string): string[] {
  const md = new MarkdownIt('commonmark');
  md.validateLink = () => true;
  const html = md.render(markdown);
  return [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
}

describe('cleanMarkdown: links limited to http(s), mailto and relative at storage', () => {
  it.each([
    ['[lien](javascript:alert(1))', 'lien'],
    ['Voir [ce lien](JavaScript:alert(document.cookie)) ici.', 'Voir ce lien ici.'],
    ['[x](  javascript:alert(1) "titre")', 'x'],
    ['[x](<javascript:alert(1)>)', 'x'],
    ['![image](data:text/html;base64,PHNjcmlwdD4=)', 'image'],
    ['[x](vbscript:msgbox(1))', 'x'],
    ['[x](java&#115;cript:alert(1))', 'x'],
    ['[x](%6Aavascript:alert(1))', 'x'],
    ['<javascript:alert(1)>', 'javascript:alert(1)'],
    ['[x][r]\n\n[r]: javascript:alert(1)', '[x][r]\n\n[r]: #'],
  ])('%j → %j', (input, expected) => {
    const cleaned = cleanMarkdown(input);
    expect(cleaned).toBe(expected);
    expect(hrefs(cleaned).every(isSafeLink)).toBe(true);
  });

  it.each([
    '[Décret](https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000043668479)',
    '[écrire](mailto:contact@example.org)',
    '[article 3](#article-3)',
    '[recherche](/recherche?q=sant%C3%A9)',
    '<https://esante.gouv.fr>',
    'Texte (entre parenthèses) sans lien, avec [crochets].',
  ])('keeps %j as typed', (input) => {
    expect(cleanMarkdown(input)).toBe(input);
  });

  it('never stores an unsafe link, whatever the nesting (fallback escapes every bracket)', () => {
    const tricky = [
      '[a [b](javascript:x) c](https://ok.example)',
      '[a](javascript:x)(y)',
      '[![i](javascript:x)](https://ok.example)',
      '[x](java\tscript:alert(1))',
    ];
    for (const input of tricky) expect(hrefs(cleanMarkdown(input)).every(isSafeLink)).toBe(true);
  });
});
