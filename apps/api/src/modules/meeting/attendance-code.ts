import { randomInt } from 'node:crypto';
import { MeetingLimits } from '@concerto/domain';

/** 31 characters that cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * A fresh attendance code: 8 characters drawn uniformly (crypto `randomInt`) from a 31-character
 * alphabet without look-alikes, about 8.5·10^11 codes — unique per meeting by the constraint
 * `meeting_registrations_code_key`, so a clash only means drawing again.
 * @returns e.g. `K7M2QXRA`
 */
export function newAttendanceCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/**
 * A code as typed at the door: spaces and dashes dropped, upper-cased.
 * @param input what the organiser typed or the scanner read
 * @returns the code, or null when it cannot be one
 * @example normalisedCode(' k7m2-qxra ') // 'K7M2QXRA'
 */
export function normalisedCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return MeetingLimits.codePattern.test(code) ? code : null;
}
