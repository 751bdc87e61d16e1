import { promotable, replay, seatFor } from './registration-allocation';

describe('registration allocation (seat rule, worked examples)', () => {
  it('takes a free seat, then waits, then is refused without a waiting list', () => {
    expect(seatFor({ capacity: 5, registered: 4, waitlistEnabled: true })).toBe('REGISTERED');
    expect(seatFor({ capacity: 5, registered: 5, waitlistEnabled: true })).toBe('WAITLISTED');
    expect(seatFor({ capacity: 5, registered: 5, waitlistEnabled: false })).toBe('FULL');
  });

  it('capacity 0 means unlimited', () => {
    expect(seatFor({ capacity: 0, registered: 10_000, waitlistEnabled: false })).toBe('REGISTERED');
    expect(promotable(0, 12, 3)).toBe(3);
  });

  it('refuses impossible counts', () => {
    expect(() => seatFor({ capacity: -1, registered: 0, waitlistEnabled: true })).toThrow(
      RangeError,
    );
    expect(() => seatFor({ capacity: 2, registered: 1.5, waitlistEnabled: true })).toThrow(
      RangeError,
    );
  });

  it('200 arrivals for the last 5 seats of 40: 5 seats, 195 in line (or refused)', () => {
    const start = { capacity: 40, registered: 35, waitlistEnabled: true };
    const withList = replay(200, start);
    expect(withList.filter((d) => d === 'REGISTERED')).toHaveLength(5);
    expect(withList.slice(0, 5).every((d) => d === 'REGISTERED')).toBe(true);
    expect(withList.filter((d) => d === 'WAITLISTED')).toHaveLength(195);
    const without = replay(200, { ...start, waitlistEnabled: false });
    expect(without.filter((d) => d === 'FULL')).toHaveLength(195);
  });

  it('a cancellation frees one seat for the first in line; a larger capacity frees several', () => {
    expect(promotable(5, 4, 3)).toBe(1);
    expect(promotable(8, 5, 2)).toBe(2);
    expect(promotable(5, 5, 2)).toBe(0);
    expect(promotable(5, 6, 2)).toBe(0);
    expect(promotable(5, 0, 0)).toBe(0);
  });
});
