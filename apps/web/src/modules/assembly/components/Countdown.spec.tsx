import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../../i18n/i18n';
import { Countdown } from './Countdown';

describe('Countdown', () => {
  const now = '2026-11-29T10:00:00.000Z';
  it('says "Clôture dans" before a close', () => {
    render(<Countdown target="2026-11-30T11:02:03.000Z" serverNow={now} />);
    expect(screen.getByText(/^Clôture dans 1 j 1 h 2 min \d+ s$/)).toBeTruthy();
  });
  it('says "Ouverture dans" before an opening, not "Clôture" (a scheduled motion read "Ouverture dans Clôture dans…")', () => {
    render(<Countdown target="2026-11-29T12:00:00.000Z" serverNow={now} event="opens" />);
    expect(screen.getByText(/^Ouverture dans 0 j 2 h 0 min \d+ s$/)).toBeTruthy();
    expect(screen.queryByText(/Clôture/)).toBeNull();
  });
});
