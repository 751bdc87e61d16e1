import { importedModules, moduleSources } from './module-sources';

/** Depth-first search of the module import graph; each cycle as `a > b > … > a`. */
export function cycles(graph: Map<string, Set<string>>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open')
        found.push([...stack.slice(stack.indexOf(next)), next].join(' > '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

/**
 * No import cycle between `apps/api/src/modules/*` folders (type-only imports count: they
 * couple the modules as much). A capability or a lower module that needs a higher one asks
 * through a registered adapter or an injection token (`ViewerResolver`, member-contribution
 * sources…) instead of importing it.
 */
describe('module import graph', () => {
  it('detects a cycle when there is one (the search itself)', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycles(graph)).toEqual(['a > b > c > a']);
  });

  it('has no cycle between modules', () => {
    const graph = new Map<string, Set<string>>();
    for (const source of moduleSources()) {
      const edges = graph.get(source.module) ?? new Set<string>();
      for (const target of importedModules(source)) edges.add(target);
      graph.set(source.module, edges);
    }
    expect(graph.size).toBeGreaterThan(10);
    expect(cycles(graph)).toEqual([]);
  });
});
