import { randomInt } from 'node:crypto';

/** Receipt alphabet: Crockford's base 32 (no I, L, O, U). 12 characters ≈ 60 random bits. */
const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh random receipt code, `XXXX-XXXX-XXXX` (crypto-random). */
export function newReceiptCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Normalises a pasted receipt code: upper case, separators and spaces ignored, look-alikes mapped (O→0, I/L→1). */
export function normalizeReceiptCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(raw)) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}
