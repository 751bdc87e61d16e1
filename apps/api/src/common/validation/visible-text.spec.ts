import { comparableText, hasVisibleText, trimText } from './visible-text';
import { boundedJson } from '../graphql/json-scalar';

describe('visible text', () => {
  it('trims white space and invisible characters at both ends only', () => {
    expect(trimText('\u200B\uFEFF  Titre\u200Bmédian \u2060\u202E')).toBe('Titre\u200Bmédian');
    expect(trimText('\u200B\u200D\u2800\u3164')).toBe('');
    expect(trimText('👩🏽‍⚕️')).toBe('👩🏽‍⚕️');
  });

  it('finds visible text, not zero-width, blank letters or bidi controls', () => {
    expect(hasVisibleText(' \n\t\u200B\u200C\u200D\uFEFF\u2060\u202E\u2800\u3164\u034F')).toBe(
      false,
    );
    expect(hasVisibleText('\u200Ba')).toBe(true);
    expect(hasVisibleText('🩺')).toBe(true);
  });

  it('compares texts as readers see them, keeping paragraph breaks', () => {
    expect(comparableText('Un  texte\u200B\n  suivi ')).toBe(comparableText('Un texte\nsuivi'));
    expect(comparableText('Un texte\n\nsuivi')).not.toBe(comparableText('Un texte suivi'));
  });
});

describe('bounded JSON', () => {
  it('refuses deep nesting, too many values and prototype keys without recursing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(() => boundedJson(deep)).toThrow(/niveaux/);
    expect(() => boundedJson(Array.from({ length: 5000 }, () => 0))).toThrow(/valeurs/);
    expect(() => boundedJson(JSON.parse('{"a": {"__proto__": {"x": 1}}}'))).toThrow(/__proto__/);
    expect(boundedJson({ supportLimit: 3, colleges: [{ key: 'a', name: 'A' }] })).toEqual({
      supportLimit: 3,
      colleges: [{ key: 'a', name: 'A' }],
    });
  });
});
