import { formatDateTime, formatDay, formatNumber, formatPercent } from './dates';

describe('the one date formatter', () => {
  it('writes the first of the month « 1er » in French, in Europe/Paris', () => {
    // 08:00 UTC on 1 November is 09:00 in Paris (winter time).
    expect(formatDateTime('2026-11-01T08:00:00Z', 'fr')).toBe('1er novembre 2026 à 09:00');
    expect(formatDateTime('2026-11-01T08:00:00Z', 'en')).toBe('1 November 2026 at 09:00');
    expect(formatDay('2026-03-01', 'fr')).toBe('1er mars 2026');
    expect(formatDay('2026-03-11', 'fr')).toBe('11 mars 2026');
  });

  it('uses the Paris day, not the browser’s, around midnight', () => {
    // 23:30 UTC on 31 October is 00:30 on 1 November in Paris (still summer time: UTC+1 after the 25th).
    expect(formatDateTime('2026-10-31T23:30:00Z', 'fr', 'date')).toBe('1er novembre 2026');
  });

  it('has a short style for lists', () => {
    expect(formatDateTime('2026-12-21T14:05:00Z', 'fr', 'short')).toBe('21 déc. 2026, 15:05');
  });

  it('returns what is not a date unchanged', () => {
    expect(formatDateTime('hier', 'fr')).toBe('hier');
  });

  it('formats numbers and percentages the French way', () => {
    expect(formatNumber(12345, 'fr')).toBe('12\u202f345');
    expect(formatPercent(0.2857, 'fr')).toBe('28,6\u00a0%');
  });
});
