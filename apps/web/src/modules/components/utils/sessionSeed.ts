const STORAGE_KEY = 'concerto.proposalSeed';

function randomSeed(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The seed of the RANDOM proposal order for this browser session: drawn once, kept in
 * sessionStorage, so the order stays the same while paging and when coming back.
 */
export function sessionSeed(): string {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (stored && /^[0-9a-f]{16}$/.test(stored)) return stored;
    const seed = randomSeed();
    sessionStorage.setItem(STORAGE_KEY, seed);
    return seed;
  } catch {
    return randomSeed();
  }
}
