/**
 * Ticks of a count axis: whole numbers from 0, evenly spaced, the last one at or above `max`
 * (0, 1, 2, 3, 4 — never 0, 1, 2, 4 as a chart library's rounding of fractional ticks gives).
 * @param max the largest value shown (≥ 0; fractional weights are rounded up)
 * @param maxTicks at most this many ticks (default 6)
 */
export function integerTicks(max: number, maxTicks = 6): number[] {
  const top = Math.max(1, Math.ceil(Number.isFinite(max) ? max : 0));
  let step = 1;
  for (const candidate of [1, 2, 5]) {
    step = candidate;
    if (Math.ceil(top / step) + 1 <= maxTicks) break;
  }
  // Beyond 5 × maxTicks: powers of ten times 1, 2 or 5.
  for (let magnitude = 10; Math.ceil(top / step) + 1 > maxTicks; magnitude *= 10) {
    for (const candidate of [1, 2, 5]) {
      step = candidate * magnitude;
      if (Math.ceil(top / step) + 1 <= maxTicks) break;
    }
  }
  const last = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let value = 0; value <= last; value += step) ticks.push(value);
  return ticks;
}
