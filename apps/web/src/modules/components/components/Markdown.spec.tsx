import { render, screen, within } from '@testing-library/react';
import { parseMarkdown, parseInline } from '../utils/markdown';
import { Markdown } from './Markdown';

describe('parseInline', () => {
  it('splits **bold** runs from text', () => {
    expect(parseInline('a **b** c')).toEqual([
      { text: 'a ' },
      { text: 'b', strong: true },
      { text: ' c' },
    ]);
  });

  it('keeps an unmatched ** as text', () => {
    expect(parseInline('2 ** 3')).toEqual([{ text: '2 ** 3' }]);
  });

  it('reads what the rich editor writes: *italic*, _italic_, __bold__, nesting and escapes', () => {
    expect(parseInline('un *mot* et _un autre_, __fort__ et **très *fort***')).toEqual([
      { text: 'un ' },
      { text: 'mot', em: true },
      { text: ' et ' },
      { text: 'un autre', em: true },
      { text: ', ' },
      { text: 'fort', strong: true },
      { text: ' et ' },
      { text: 'très ', strong: true },
      { text: 'fort', strong: true, em: true },
    ]);
    expect(parseInline('2 \\* 3 \\*pas d’italique\\*')).toEqual([
      { text: '2 * 3 *pas d’italique*' },
    ]);
  });

  it('leaves intraword underscores and spaced stars alone', () => {
    expect(parseInline('snake_case_name et 2 * 3 * 4')).toEqual([
      { text: 'snake_case_name et 2 * 3 * 4' },
    ]);
  });

  it('reads links, with marks inside, and drops an unsafe destination but keeps its text', () => {
    expect(parseInline('voir [la **charte**](https://example.org/a_(b)) ici')).toEqual([
      { text: 'voir ' },
      { text: 'la ', href: 'https://example.org/a_(b)' },
      { text: 'charte', strong: true, href: 'https://example.org/a_(b)' },
      { text: ' ici' },
    ]);
    expect(parseInline('[clic](javascript:alert(1))')).toEqual([{ text: 'clic' }]);
    // read as the API reads them at storage (one isSafeLink in @concerto/domain)
    expect(parseInline('[clic](javascript%3Aalert(1))')).toEqual([{ text: 'clic' }]);
    expect(parseInline('[clic](<java\tscript:alert(1)>)')).toEqual([{ text: 'clic' }]);
    expect(parseInline('[article 3](#article-3)')).toEqual([
      { text: 'article 3', href: '#article-3' },
    ]);
  });
});

describe('parseMarkdown', () => {
  it('nests indented list items under the previous item', () => {
    const blocks = parseMarkdown('- one\n  - one.a\n  - one.b\n- two');
    expect(blocks).toHaveLength(1);
    const block = blocks[0];
    if (block.kind !== 'list') throw new Error('expected a list');
    expect(block.list.items).toHaveLength(2);
    expect(block.list.items[0].children?.items.map((item) => item.content)).toEqual([
      [{ text: 'one.a' }],
      [{ text: 'one.b' }],
    ]);
  });

  it('joins consecutive lines into one paragraph and splits on blank lines', () => {
    const blocks = parseMarkdown('first line\nsame paragraph\n\nsecond');
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph']);
    expect(blocks[0]).toEqual({
      kind: 'paragraph',
      content: [{ text: 'first line same paragraph' }],
    });
  });
});

describe('<Markdown>', () => {
  const source = [
    '# 5. Les propositions',
    '',
    'Une introduction avec du **gras** au milieu.',
    '',
    '## Axe 1 - Circulation maîtrisée des données',
    '',
    '### Sous-axe',
    '',
    '- **1. Créer un entrepôt.** Le suivi médicamenteux…',
    '- **2. Favoriser les partages.**',
    '  - actions exploratoires ;',
    '  - études cliniques.',
  ].join('\n');

  it('renders #, ## and ### as headings one level below the page title', () => {
    render(<Markdown source={source} />);
    expect(
      screen.getByRole('heading', { level: 2, name: '5. Les propositions' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 3, name: 'Axe 1 - Circulation maîtrisée des données' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 4, name: 'Sous-axe' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
  });

  it('renders paragraphs with bold text', () => {
    const { container } = render(<Markdown source={source} />);
    const paragraph = screen.getByText(/Une introduction avec du/);
    expect(paragraph.tagName).toBe('P');
    expect(within(paragraph).getByText('gras').tagName).toBe('STRONG');
    expect(container.querySelectorAll('strong')).toHaveLength(3);
  });

  it('renders "- " lines as nested lists', () => {
    render(<Markdown source={source} />);
    const lists = screen.getAllByRole('list');
    expect(lists).toHaveLength(2);
    const [outer, inner] = lists;
    expect(within(outer).getAllByRole('listitem')).toHaveLength(4);
    expect(
      within(inner)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['actions exploratoires ;', 'études cliniques.']);
    expect(within(outer).getByText('1. Créer un entrepôt.').tagName).toBe('STRONG');
  });

  it('renders what the rich editor writes: italic and safe links; an unsafe link is text', () => {
    render(
      <Markdown
        source={
          'Un *mot* et [la charte](https://example.org/charte) ; [piège](javascript:alert(1))'
        }
      />,
    );
    expect(screen.getByText('mot').tagName).toBe('EM');
    expect(screen.getByRole('link', { name: 'la charte' })).toHaveAttribute(
      'href',
      'https://example.org/charte',
    );
    expect(screen.queryByRole('link', { name: 'piège' })).toBeNull();
    expect(screen.getByText(/piège/)).toBeInTheDocument();
  });

  it('renders HTML in the source as text, never as markup', () => {
    const hostile =
      '# Titre <img src=x onerror="alert(1)">\n\n<script>alert("xss")</script>\n\n- **<b>gras</b>**';
    const { container } = render(<Markdown source={hostile} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('<script>alert("xss")</script>')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
      'Titre <img src=x onerror="alert(1)">',
    );
    expect(screen.getByText('<b>gras</b>').tagName).toBe('STRONG');
  });
});
