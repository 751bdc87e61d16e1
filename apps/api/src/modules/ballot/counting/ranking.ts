/** Small exact-arithmetic and ordering pieces shared by the counting modules. */

/** Adds two non-negative integers, refusing to leave the range where doubles are exact. */
export function checkedAdd(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum))
    throw new RangeError('count exceeds 2^53 − 1: not exact any more');
  return sum;
}

/** A ballot weight must be a positive safe integer (1, or thousandths of an Assemblée weight). */
export function checkedWeight(weight: number): void {
  if (!Number.isSafeInteger(weight) || weight <= 0)
    throw new RangeError(`ballot weight must be a positive integer, got ${weight}`);
}

/**
 * Sorts `items` by `compare` (negative: a before b) — stably, so tied items keep their given
 * order — and groups consecutive ties: `[[best…], [next…], …]`.
 */
export function groupBy<T>(items: readonly T[], compare: (a: T, b: T) => number): T[][] {
  const sorted = [...items].sort(compare);
  const groups: T[][] = [];
  for (const item of sorted) {
    const last = groups[groups.length - 1];
    if (last && compare(last[0], item) === 0) last.push(item);
    else groups.push([item]);
  }
  return groups;
}
