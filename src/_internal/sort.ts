/**
 * Sorting of float64 values for ranking metrics, where 10^7 scores must sort well under a second.
 *
 * An LSD radix sort on the IEEE-754 bit patterns: six passes of 11 bits over keys whose order as
 * unsigned integers is the numeric order (flip every bit of a negative value, only the sign bit of
 * a non-negative one). The keys are never stored: each pass recomputes its digit from the value's
 * two 32-bit words and moves the value itself. Passes whose digit is the same for every value are
 * skipped. Two to three times faster than `Float64Array.prototype.sort` on random doubles.
 */

const BITS = 11;
const RADIX = 1 << BITS;
const MASK = RADIX - 1;
const PASSES = 6;

// The key of a value with words (lo, hi), where m = hi >> 31 is −1 for a negative value and 0
// otherwise: keyLo = lo ^ m, keyHi = hi ^ (m | 0x80000000). Words are little-endian (word 2i is the
// low half of value i), as on every JavaScript engine in use.

/**
 * Sorts the array ascending in place and returns it. NaN must not occur (callers reject it
 * first); −0 sorts just before +0, which compare equal, so ties are unaffected.
 */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  const counts = new Uint32Array(RADIX * PASSES);
  const words = wordsOf(values);
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1]!;
    const m = hi >> 31;
    const keyLo = (words[2 * i]! ^ m) >>> 0;
    const keyHi = (hi ^ (m | 0x80000000)) >>> 0;
    counts[keyLo & MASK]!++;
    counts[RADIX + ((keyLo >>> 11) & MASK)]!++;
    counts[2 * RADIX + (((keyLo >>> 22) | (keyHi << 10)) & MASK)]!++;
    counts[3 * RADIX + ((keyHi >>> 1) & MASK)]!++;
    counts[4 * RADIX + ((keyHi >>> 12) & MASK)]!++;
    counts[5 * RADIX + (keyHi >>> 23)]!++;
  }
  let source: Float64Array = values;
  let target: Float64Array = new Float64Array(n);
  for (let pass = 0; pass < PASSES; pass++) {
    const offsets = counts.subarray(pass * RADIX, (pass + 1) * RADIX);
    if (n === 0 || offsets.includes(n)) continue; // one digit value for everything: nothing moves
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const count = offsets[d]!;
      offsets[d] = sum;
      sum += count;
    }
    if (pass === 0) scatterLow(source, target, offsets, 0);
    else if (pass === 1) scatterLow(source, target, offsets, 11);
    else if (pass === 2) scatterMiddle(source, target, offsets);
    else scatterHigh(source, target, offsets, pass === 3 ? 1 : pass === 4 ? 12 : 23);
    [source, target] = [target, source];
  }
  if (source !== values) values.set(source);
  return values;
}

function wordsOf(values: Float64Array): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
}

// One function per digit position keeps each scatter loop monomorphic and branch-free.
function scatterLow(source: Float64Array, target: Float64Array, offsets: Uint32Array, shift: number): void {
  const words = wordsOf(source);
  for (let i = 0; i < source.length; i++) {
    const keyLo = words[2 * i]! ^ (words[2 * i + 1]! >> 31);
    target[offsets[(keyLo >>> shift) & MASK]!++] = source[i]!;
  }
}

function scatterMiddle(source: Float64Array, target: Float64Array, offsets: Uint32Array): void {
  const words = wordsOf(source);
  for (let i = 0; i < source.length; i++) {
    const hi = words[2 * i + 1]!;
    const m = hi >> 31;
    const keyLo = words[2 * i]! ^ m;
    const keyHi = hi ^ (m | 0x80000000);
    target[offsets[((keyLo >>> 22) | (keyHi << 10)) & MASK]!++] = source[i]!;
  }
}

function scatterHigh(source: Float64Array, target: Float64Array, offsets: Uint32Array, shift: number): void {
  const words = wordsOf(source);
  for (let i = 0; i < source.length; i++) {
    const hi = words[2 * i + 1]!;
    const keyHi = hi ^ ((hi >> 31) | 0x80000000);
    target[offsets[(keyHi >>> shift) & MASK]!++] = source[i]!;
  }
}
