/**
 * numpy's `np.quantile(values, q)` with the default `method="linear"` (numpy 1.26), for metrics
 * that summarise a distribution of errors by its quantiles.
 */

/**
 * The q-quantiles of `sorted` (ascending, NaN last), as numpy computes them: virtual index
 * `(n − 1)·q`, neighbours `floor` and `floor + 1` (both the last element at or past the end), and
 * numpy's two-sided interpolation (`a + (b − a)·γ` below γ = 0.5, `b − (b − a)·(1 − γ)` from 0.5 up).
 * Any NaN makes every quantile NaN. Returns NaN for an empty input (numpy raises there).
 */
export function numpyQuantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0 || Number.isNaN(sorted[n - 1]!)) return NaN;
  const index = (n - 1) * q;
  if (index >= n - 1) return sorted[n - 1]!;
  if (index < 0) return sorted[0]!;
  const below = Math.floor(index);
  const gamma = index - below;
  const a = sorted[below]!;
  const b = sorted[below + 1]!;
  const difference = b - a;
  return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma;
}

/** Ascending copy with NaN last, as numpy's sort orders floats. */
export function sortedWithNaNLast(values: ArrayLike<number>): Float64Array {
  // Float64Array.prototype.sort orders numerically and puts NaN last.
  return Float64Array.from(values).sort();
}
