import { render, screen } from '@testing-library/react';
import { htmlToText, SafeHtml } from './SafeHtml';

describe('<SafeHtml>', () => {
  it('keeps the allowed tags', () => {
    const { container } = render(
      <SafeHtml
        html={
          '<p>Un <strong>fort</strong> et <em>léger</em></p><ul><li>a</li><li>b<br>c</li></ul><ol><li>1</li></ol>'
        }
      />,
    );
    expect(container.querySelector('p strong')).toHaveTextContent('fort');
    expect(container.querySelector('p em')).toHaveTextContent('léger');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(container.querySelector('br')).not.toBeNull();
  });

  it('drops scripts, event handlers, styles and unsafe links', () => {
    const { container } = render(
      <SafeHtml
        html={
          '<p onclick="alert(1)" style="color:red">texte</p><script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">piège</a><a href="https://example.org">lien</a><iframe src="https://evil"></iframe>'
        }
      />,
    );
    expect(container.querySelector('script, img, iframe, style')).toBeNull();
    expect(container.querySelector('[onclick], [onerror], [style]')).toBeNull();
    expect(screen.getByText('piège').tagName).toBe('SPAN');
    const link = screen.getByRole('link', { name: 'lien' });
    expect(link).toHaveAttribute('href', 'https://example.org');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    expect(container).not.toHaveTextContent('alert');
  });

  it('renders plain text as paragraphs, with markup-like text escaped', () => {
    const { container } = render(<SafeHtml html={'Premier.\n\nSecond 2 < 3.'} />);
    expect(container.querySelectorAll('p')).toHaveLength(2);
    expect(screen.getByText('Second 2 < 3.')).toBeInTheDocument();
  });

  it('extracts the text of HTML for excerpts', () => {
    expect(
      htmlToText('<p>Un</p><p>deux <script>x()</script></p>').replace(/\s+/g, ' ').trim(),
    ).toBe('Un deux');
  });
});
