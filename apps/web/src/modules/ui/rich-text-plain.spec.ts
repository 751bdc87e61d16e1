import { editorHtml } from '../proposals/utils/editorHtml';
import { richTextPlain } from './rich-text-plain';

describe('richTextPlain', () => {
  it('counts what a reader sees, as the API does', () => {
    expect(richTextPlain('<p><strong></strong></p>')).toBe('');
    expect(richTextPlain('<p>Un <strong>mot</strong></p><ul><li>un</li><li>deux</li></ul>')).toBe(
      'Un mot un deux',
    );
    expect(richTextPlain('<p>a&amp;b</p>')).toBe('a&b');
    expect(richTextPlain('  texte  brut \n')).toBe('texte brut');
  });
});

describe('editorHtml', () => {
  it('keeps stored HTML with its formatting for the editor', () => {
    expect(editorHtml('<p>Un <strong>mot</strong></p>')).toBe('<p>Un <strong>mot</strong></p>');
  });

  it('turns an older plain-text body into paragraphs, escaped', () => {
    expect(editorHtml('Premier 2 < 3\nsuite\n\nSecond & fin')).toBe(
      '<p>Premier 2 &lt; 3<br>suite</p><p>Second &amp; fin</p>',
    );
  });
});
