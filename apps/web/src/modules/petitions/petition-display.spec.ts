import { progressPercent, remainingTime, sortPetitions } from './petition-display';

describe('petition display rules', () => {
  it('progress: whole percent, capped at 100', () => {
    expect(progressPercent(0, 200)).toBe(0);
    expect(progressPercent(50, 200)).toBe(25);
    expect(progressPercent(199, 200)).toBe(99);
    expect(progressPercent(300, 200)).toBe(100);
  });

  it('remaining time from the server clock, never negative', () => {
    expect(remainingTime('2026-01-03T12:00:00Z', '2026-01-01T10:30:00Z')).toEqual({
      days: 2,
      hours: 1,
      minutes: 30,
    });
    expect(remainingTime('2026-01-01T10:00:00Z', '2026-01-01T10:30:00Z')).toEqual({
      days: 0,
      hours: 0,
      minutes: 0,
    });
    expect(remainingTime('2026-01-01T11:00:00Z', '2026-01-01T10:00:00Z', 30 * 60_000)).toEqual({
      days: 0,
      hours: 0,
      minutes: 30,
    });
    expect(remainingTime(null, '2026-01-01T10:30:00Z')).toBeNull();
  });

  it('sorts by signatures, recent, ending soon', () => {
    const p = (
      title: string,
      signaturesCount: number,
      publishedAt: string | null,
      endsAt: string | null,
    ) => ({ title, signaturesCount, publishedAt, endsAt, createdAt: '2026-01-01T00:00:00Z' });
    const list = [
      p('A', 5, '2026-02-01T00:00:00Z', '2026-03-05T00:00:00Z'),
      p('B', 9, '2026-01-15T00:00:00Z', '2026-02-14T00:00:00Z'),
      p('C', 1, null, null),
    ];
    expect(sortPetitions(list, 'SIGNATURES').map((x) => x.title)).toEqual(['B', 'A', 'C']);
    expect(sortPetitions(list, 'RECENT').map((x) => x.title)).toEqual(['A', 'B', 'C']);
    expect(sortPetitions(list, 'ENDING_SOON').map((x) => x.title)).toEqual(['B', 'A', 'C']);
  });
});
