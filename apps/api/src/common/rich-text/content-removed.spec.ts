import type { NextFunction, Request, Response } from 'express';
import { cleanMarkdown } from '../../modules/participatory-text/text-body';
import { collectContentRemoved, contentRemovedInRequest } from './content-removed';
import { sanitizeRichText } from './rich-text';

/** Runs `work` as the rest of a request (inside the collecting middleware), then reads the report. */
function inRequest(work: () => void) {
  let report: ReturnType<typeof contentRemovedInRequest> = null;
  collectContentRemoved(
    {} as Request,
    {} as Response,
    (() => {
      work();
      report = contentRemovedInRequest();
    }) as NextFunction,
  );
  return report;
}

describe('what the sanitisers report as removed', () => {
  it('names images, scripts, styles, unsafe links and other elements, each kind once', () => {
    const report = inRequest(() => {
      sanitizeRichText(
        '<p style="color:red">Texte <img src="x.png" onerror="alert(1)"> <a href="javascript:alert(1)">lien</a></p>' +
          '<script>alert(2)</script><marquee>défile</marquee><h2>Titre</h2><table><tr><td>case</td></tr></table>',
      );
    });
    expect(report).toEqual({
      kinds: ['IMAGES', 'SCRIPTS', 'TABLES', 'HEADINGS', 'STYLES', 'UNSAFE_LINKS', 'OTHER'],
      unsafeLinks: 1,
      otherElements: ['marquee'],
    });
  });

  it('reports nothing for what the editor writes, plain text, or invisible wrappers', () => {
    const report = inRequest(() => {
      sanitizeRichText(
        '<p><strong>Gras</strong> <em>italique</em> <a href="https://example.org" rel="noopener noreferrer nofollow" target="_blank">lien</a></p><ul><li><p>un</p></li></ul><p>ligne<br>suivante</p>',
      );
      sanitizeRichText('Du texte avec < et > et & seulement.\n\nDeux paragraphes.');
      sanitizeRichText('<div><span>Texte dans des enveloppes</span></div>');
      sanitizeRichText('<p><a href="/recherche">relatif</a> <a href="mailto:a@b.fr">mail</a></p>');
    });
    expect(report).toBeNull();
  });

  it('counts only the links sanitize-html refused, and an <svg> once as an image', () => {
    const report = inRequest(() => {
      // percent-encoded: a relative path to a browser, kept by sanitize-html (not a removal)
      sanitizeRichText(
        '<p><a href="javascript%3Aalert(1)">a</a> <a href="Categorie%3AFoo">b</a></p>',
      );
      sanitizeRichText('<p>Logo <svg><g><path d="M0 0"/></g></svg> fin</p>');
    });
    expect(report).toEqual({ kinds: ['IMAGES'], unsafeLinks: 0, otherElements: [] });
  });

  it('counts an input sanitised twice in one request once (a retried transaction)', () => {
    const body = '<p><a href="javascript:x()">a</a> <a href="vbscript:y">b</a></p>';
    const report = inRequest(() => {
      sanitizeRichText(body);
      sanitizeRichText(body);
      sanitizeRichText('<p><a href="data:text/html,x">c</a></p>');
    });
    expect(report).toEqual({ kinds: ['UNSAFE_LINKS'], unsafeLinks: 3, otherElements: [] });
  });

  it('reports HTML and unsafe links removed from Markdown (participatory texts, amendments)', () => {
    const report = inRequest(() => {
      expect(cleanMarkdown('Article **gras** [lien](javascript:alert(1)) <b>html</b>')).toBe(
        'Article **gras** lien html',
      );
    });
    expect(report).toEqual({
      kinds: ['UNSAFE_LINKS', 'OTHER'],
      unsafeLinks: 1,
      otherElements: ['b'],
    });
    expect(
      inRequest(() => cleanMarkdown('Un [lien sûr](https://example.org) et <https://a.fr>')),
    ).toBeNull();
  });

  it('keeps nothing outside a request (demo loading, workers)', () => {
    sanitizeRichText('<script>alert(1)</script>');
    expect(contentRemovedInRequest()).toBeNull();
  });
});
