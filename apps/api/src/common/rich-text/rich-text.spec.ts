import { richTextToPlain, sanitizeRichText } from './rich-text';

describe('rich text sanitising', () => {
  it('removes scripts, event handlers, styles and javascript: links', () => {
    const html = sanitizeRichText(
      '<p onclick="x()">Bonjour <script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">lien</a><style>p{}</style></p>',
    );
    expect(html).not.toMatch(/script|onclick|onerror|img|javascript|style/i);
    expect(html).toContain('Bonjour');
  });

  it('keeps basic formatting and safe links', () => {
    expect(
      sanitizeRichText(
        '<p><strong>Fort</strong> et <em>léger</em> <a href="https://esante.gouv.fr">ANS</a></p>',
      ),
    ).toBe(
      '<p><strong>Fort</strong> et <em>léger</em> <a href="https://esante.gouv.fr" rel="nofollow noopener" target="_blank">ANS</a></p>',
    );
  });

  it('turns plain text into escaped paragraphs', () => {
    expect(sanitizeRichText('Premier < second\n\nDeuxième & dernier')).toBe(
      '<p>Premier &lt; second</p><p>Deuxième &amp; dernier</p>',
    );
  });

  it('measures the visible text', () => {
    expect(richTextToPlain('<p>Un &amp; deux</p><p>trois</p>')).toBe('Un & deux trois');
  });
});
