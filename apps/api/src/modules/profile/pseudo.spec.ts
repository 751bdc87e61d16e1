import { ProfileRules } from '@concerto/domain';
import { pseudoBase, pseudoCandidate } from './pseudo';

describe('pseudo derivation', () => {
  it.each([
    ['Anne-Sophie Lefèvre', 'anne-sophie-lefevre'],
    ['  Émile  Zoé ', 'emile-zoe'],
    ['Ça', 'membre'],
    ['李', 'membre'],
    ['Dr. Jean-Marc O’Brien (CHU de Nantes)', 'dr-jean-marc-o-brien-chu'],
    ['Administrateur', 'administrateur'],
  ])('%s → %s', (name, expected) => {
    expect(pseudoBase(name)).toBe(expected);
    expect(pseudoBase(name)).toMatch(ProfileRules.pseudoPattern);
  });

  it('a clash or a reserved pseudo gets a numbered suffix that still fits the pattern', () => {
    expect(pseudoCandidate('Administrateur', 1)).toBe('administrateur-2');
    expect(pseudoCandidate('Alice Martin', 1)).toBe('alice-martin');
    expect(pseudoCandidate('Alice Martin', 3)).toBe('alice-martin-3');
    const long = pseudoCandidate('x'.repeat(80), 99999);
    expect(long.length).toBeLessThanOrEqual(ProfileRules.pseudoMaxLength);
    expect(long).toMatch(ProfileRules.pseudoPattern);
  });
});
