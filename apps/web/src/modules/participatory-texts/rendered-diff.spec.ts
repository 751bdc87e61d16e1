import { diffMarkdown, diffRuns, hasChanges, similarity } from './rendered-diff';

describe('diffMarkdown', () => {
  it('finds nothing between equal texts', () => {
    const text = '# Titre\n\nUn **paragraphe**.\n\n- un\n- deux';
    const blocks = diffMarkdown(text, text);
    expect(hasChanges(blocks)).toBe(false);
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'item', 'item']);
  });

  it('marks the words of an edited paragraph, spaces outside the change', () => {
    const [block] = diffMarkdown('Un comité se réunit.', 'Un comité de pilotage se réunit.');
    expect(block).toEqual({
      kind: 'paragraph',
      depth: 0,
      runs: [
        { text: 'Un comité ' },
        { text: 'de pilotage', change: 'added' },
        { text: ' se réunit.' },
      ],
    });
  });

  it('shows a replaced word as removed then added', () => {
    const [block] = diffMarkdown('Le bureau décide.', 'Le conseil décide.');
    expect(block.runs).toEqual([
      { text: 'Le ' },
      { text: 'bureau', change: 'removed' },
      { text: 'conseil', change: 'added' },
      { text: ' décide.' },
    ]);
  });

  it('keeps the marks of each word, and a change of mark is a change', () => {
    const [block] = diffMarkdown('Un mot **important** ici.', 'Un *mot* **important** ici.');
    expect(block.runs).toEqual([
      { text: 'Un ' },
      { text: 'mot', change: 'removed' },
      { text: 'mot', em: true, change: 'added' },
      { text: ' ' },
      { text: 'important', strong: true },
      { text: ' ici.' },
    ]);
  });

  it('adds and removes whole list items, keeping their depth and kind', () => {
    const before = '- **1. Créer** un comité\n  - le réunir\n- Publier le bilan';
    const after =
      '- **1. Créer** un comité\n  - le réunir\n  - le financer\n- Évaluer chaque année';
    const blocks = diffMarkdown(before, after);
    expect(blocks.map((b) => [b.kind, b.depth, b.change ?? null])).toEqual([
      ['item', 0, null],
      ['item', 1, null],
      ['item', 1, 'added'],
      ['item', 0, 'added'],
      ['item', 0, 'removed'],
    ]);
    // « Publier le bilan » and « Évaluer chaque année » share no word: not one edited item
    expect(blocks[4].runs).toEqual([{ text: 'Publier le bilan' }]);
  });

  it('pairs an edited block with the one it came from when others were inserted before it', () => {
    const before = 'Premier paragraphe inchangé.\n\nLe comité rend un avis motivé.';
    const after =
      'Premier paragraphe inchangé.\n\nUn paragraphe nouveau.\n\nLe comité rend un avis motivé et public.';
    const blocks = diffMarkdown(before, after);
    expect(blocks.map((b) => b.change ?? null)).toEqual([null, 'added', null]);
    expect(blocks[2].runs).toEqual([
      { text: 'Le comité rend un avis ' },
      { text: 'motivé.', change: 'removed' },
      { text: 'motivé et public.', change: 'added' },
    ]);
  });

  it('does not pair blocks of different kinds', () => {
    const blocks = diffMarkdown('## Gouvernance', 'Gouvernance');
    expect(blocks.map((b) => [b.kind, b.change])).toEqual([
      ['paragraph', 'added'],
      ['heading', 'removed'],
    ]);
  });
});

describe('similarity', () => {
  it('is the Dice coefficient of the words, case-insensitive', () => {
    expect(similarity([{ text: 'a b c d' }], [{ text: 'A b x y' }])).toBe(0.5);
    expect(similarity([{ text: '' }], [{ text: '' }])).toBe(1);
    expect(similarity([{ text: 'a' }], [{ text: 'b' }])).toBe(0);
  });
});

describe('diffRuns', () => {
  it("treats different spaces as the same separator, keeping the new text's", () => {
    expect(diffRuns([{ text: 'a  b' }], [{ text: 'a b' }])).toEqual([{ text: 'a b' }]);
  });
});
