const STORAGE_PREFIX = 'concerto.proposalSeed.';
const SEED_PATTERN = /^[0-9a-f]{16}$/;

function randomSeed(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The sessionStorage key holding a component's seed. */
export function seedStorageKey(componentId: string): string {
  return STORAGE_PREFIX + componentId;
}

/**
 * The seed of a component's RANDOM proposal order for this browser session: drawn once per
 * component, kept in sessionStorage, so the order stays the same while paging and when coming back.
 * @param componentId the PROPOSALS component
 * @returns 16 hexadecimal digits
 */
export function sessionSeed(componentId: string): string {
  try {
    const stored = sessionStorage.getItem(seedStorageKey(componentId));
    if (stored && SEED_PATTERN.test(stored)) return stored;
    const seed = randomSeed();
    sessionStorage.setItem(seedStorageKey(componentId), seed);
    return seed;
  } catch {
    return randomSeed();
  }
}

/**
 * Keeps a seed the server drew (after "Mélanger") as the component's session seed.
 * @param componentId the PROPOSALS component
 * @param seed the seed returned by the `proposals` query; ignored unless 16 hexadecimal digits
 */
export function storeSessionSeed(componentId: string, seed: string): void {
  try {
    if (SEED_PATTERN.test(seed)) sessionStorage.setItem(seedStorageKey(componentId), seed);
  } catch {
    // storage unavailable (private mode): the seed lives in the page's state only
  }
}

/** Forgets a component's session seed ("Mélanger"). */
export function dropSessionSeed(componentId: string): void {
  try {
    sessionStorage.removeItem(seedStorageKey(componentId));
  } catch {
    // storage unavailable
  }
}
