import { splitMarkdownDocument } from './markdown-import';
import { cleanMarkdown } from './text-body';

describe('splitMarkdownDocument (markdown-it token stream)', () => {
  it('nests headings by level, numbers articles in document order, keeps a list as one article', () => {
    const { sections, articles } = splitMarkdownDocument(
      [
        'Préambule.',
        '',
        '# Titre',
        '',
        'Premier paragraphe',
        'sur deux lignes.',
        '',
        '## Axe 1',
        '',
        '- un',
        '  - un bis',
        '- deux',
        '',
        '### Sous-axe',
        '',
        'Texte.',
        '',
        '## Axe 2',
        '',
        '> citation',
        '',
        '---',
        '',
        '1. a',
        '2. b',
      ].join('\n'),
    );
    expect(sections).toEqual([
      { level: 1, title: 'Titre', parentIndex: null },
      { level: 2, title: 'Axe 1', parentIndex: 0 },
      { level: 3, title: 'Sous-axe', parentIndex: 1 },
      { level: 2, title: 'Axe 2', parentIndex: 0 },
    ]);
    expect(articles).toEqual([
      { number: 1, sectionIndex: null, body: 'Préambule.' },
      { number: 2, sectionIndex: 0, body: 'Premier paragraphe\nsur deux lignes.' },
      { number: 3, sectionIndex: 1, body: '- un\n  - un bis\n- deux' },
      { number: 4, sectionIndex: 2, body: 'Texte.' },
      { number: 5, sectionIndex: 3, body: '> citation' },
      { number: 6, sectionIndex: 3, body: '1. a\n2. b' },
    ]);
  });

  it('finds no article in a document of headings only', () => {
    expect(splitMarkdownDocument('# A\n\n## B\n\n---\n').articles).toHaveLength(0);
  });

  it('removes HTML from Markdown but keeps the text as typed', () => {
    expect(cleanMarkdown('a & b <script>x()</script><b>gras</b> **c** < d\r\n')).toBe(
      'a & b gras **c** < d',
    );
  });
});
