/**
 * Summation and averaging with the same floating-point results as the Python stack MLE-bench runs.
 *
 * numpy's `sum`/`mean` over a contiguous float64 array use pairwise summation (blocks of 128 values
 * summed with eight accumulators, larger ranges split in halves at a multiple of 8); reproducing it
 * keeps our scores on the same last bit as numpy's. `fsum` is exact (Shewchuk's algorithm, as
 * Python's `math.fsum`), for places where a correctly rounded sum is wanted.
 */

/** numpy's pairwise sum of `values[start, start + n)` (numpy/core/src/umath/loops_utils.h). */
export function pairwiseSum(values: ArrayLike<number>, start = 0, n = values.length - start): number {
  if (n < 8) {
    // numpy starts this branch from -0.0 so that a sum of negative zeros stays -0.0.
    let res = -0;
    for (let i = 0; i < n; i++) res += values[start + i]!;
    return res;
  }
  if (n <= 128) {
    let r0 = values[start]!;
    let r1 = values[start + 1]!;
    let r2 = values[start + 2]!;
    let r3 = values[start + 3]!;
    let r4 = values[start + 4]!;
    let r5 = values[start + 5]!;
    let r6 = values[start + 6]!;
    let r7 = values[start + 7]!;
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const k = start + i;
      r0 += values[k]!;
      r1 += values[k + 1]!;
      r2 += values[k + 2]!;
      r3 += values[k + 3]!;
      r4 += values[k + 4]!;
      r5 += values[k + 5]!;
      r6 += values[k + 6]!;
      r7 += values[k + 7]!;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += values[start + i]!;
    return res;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, n - half);
}

/** `np.sum` of a 1-D float64 array: the pairwise sum added to the reduction's initial 0. */
export function numpySum(values: ArrayLike<number>): number {
  return 0 + pairwiseSum(values);
}

/** `np.mean` of a 1-D float64 array (NaN for an empty array, as numpy returns with a warning). */
export function numpyMean(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  return numpySum(values) / values.length;
}

/** Exact sum of doubles, correctly rounded (Shewchuk; Python's `math.fsum`). */
export function fsum(values: Iterable<number>): number {
  const partials: number[] = [];
  let special = 0;
  for (let x of values) {
    if (!Number.isFinite(x)) {
      special += x;
      continue;
    }
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  if (special !== 0 || Number.isNaN(special)) return special;
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n]!;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n]!;
    hi = x + y;
    const yr = hi - x;
    lo = y - yr;
    if (lo !== 0) break;
  }
  // Round half to even across the remaining partials, as math.fsum does.
  if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
    const y = lo * 2;
    const x = hi + y;
    const yr = x - hi;
    if (y === yr) hi = x;
  }
  return hi;
}

/** Python's built-in `sum()` over floats: left to right, starting from integer 0. */
export function sequentialSum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

/**
 * `np.nanmean` of a 1-D float64 array: NaN entries are replaced by 0 in place, the array is summed
 * pairwise and divided by the number of non-NaN entries (NaN when there are none).
 */
export function numpyNanMean(values: ArrayLike<number>): number {
  const filled = new Float64Array(values.length);
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!Number.isNaN(value)) {
      filled[i] = value;
      count++;
    }
  }
  return count === 0 ? NaN : numpySum(filled) / count;
}
