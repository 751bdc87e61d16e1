import axe from 'axe-core';

/**
 * axe-core on the rendered document, or on one element of it (a section rendered alone has no
 * document title). Colour contrast needs a layout engine: checked by the browser tests.
 */
export async function axeViolations(context: Document | Element = document): Promise<string[]> {
  const results = await axe.run(context, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} → ${violation.nodes.map((node) => node.html).join(' | ')}`,
  );
}
