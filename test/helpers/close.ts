/**
 * numpy-style closeness for numeric tests: |actual − expected| ≤ atol + rtol·|expected|, with NaN
 * equal to NaN and infinities equal only to themselves. (vitest's toBeCloseTo checks only 2 digits.)
 */
export interface Tolerance {
  rtol?: number;
  atol?: number;
}

export function isClose(actual: number, expected: number, { rtol = 1e-12, atol = 0 }: Tolerance = {}): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
}

export function closeMessage(actual: number, expected: number, tolerance: Tolerance = {}): string {
  return `expected ${expected} (rtol ${tolerance.rtol ?? 1e-12}, atol ${tolerance.atol ?? 0}), got ${actual} (difference ${Math.abs(actual - expected)})`;
}
