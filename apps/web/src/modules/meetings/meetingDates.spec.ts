import {
  formatMeetingDay,
  formatMeetingPeriod,
  isoToParisLocal,
  parisLocalToIso,
} from './meetingDates';

describe('meeting dates in Europe/Paris', () => {
  it('writes a period within a day as « jeudi 3 avril 2026, 09:00–11:00 » (summer time, UTC+2)', () => {
    expect(formatMeetingPeriod('2026-04-02T07:00:00Z', '2026-04-02T09:00:00Z', 'fr')).toBe(
      'jeudi 2 avril 2026, 09:00–11:00',
    );
    expect(formatMeetingPeriod('2026-04-02T07:00:00Z', '2026-04-02T09:00:00Z', 'en')).toBe(
      'Thursday 2 April 2026, 09:00–11:00',
    );
  });

  it('in winter time (UTC+1), with « 1er » for the first day of a month', () => {
    expect(formatMeetingDay('2026-12-01T08:00:00Z', 'fr')).toBe('mardi 1er décembre 2026');
    expect(formatMeetingPeriod('2026-12-01T08:00:00Z', '2026-12-02T16:00:00Z', 'fr')).toBe(
      'mardi 1er décembre 2026, 09:00 – mercredi 2 décembre 2026, 17:00',
    );
  });

  it('reads a datetime-local value as Paris time and back, across both changes of time', () => {
    expect(parisLocalToIso('2026-04-03T09:00')).toBe('2026-04-03T07:00:00.000Z');
    expect(parisLocalToIso('2026-01-15T09:30')).toBe('2026-01-15T08:30:00.000Z');
    expect(parisLocalToIso('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z'); // the repeated hour: summer time first
    expect(parisLocalToIso('2026-03-29T02:30')).toBe('2026-03-29T01:30:00.000Z'); // a skipped time moves forward
    expect(parisLocalToIso('demain')).toBeNull();
    expect(isoToParisLocal('2026-04-03T07:00:00Z')).toBe('2026-04-03T09:00');
    expect(isoToParisLocal('2026-01-15T08:30:00Z')).toBe('2026-01-15T09:30');
  });
});
