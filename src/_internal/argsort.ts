/**
 * Stable argsorts for id columns, where 10^6–10^7 keys must be ordered in well under a second:
 * the permutation `sort_values` (stable) gives, ties kept in row order.
 *
 * - {@link argsortNumbers}: float64 keys, NaN last; an LSD radix sort on the IEEE-754 bit
 *   patterns that carries the keys with the indices and skips every digit position on which all
 *   keys agree (integer ids have few varying bits, so most passes are skipped).
 * - {@link argsortTexts}: text keys in UTF-16 code-unit order (the caller checks that this is
 *   code-point order, i.e. no surrogates); a few characters at a time, packed with the row number
 *   into 64-bit integers that the engine sorts natively.
 *
 * Both first check whether the keys are already in order (sample submissions usually are).
 */

const BITS = 11;
const RADIX = 1 << BITS;
const MASK = RADIX - 1;

/** Stable ascending order of `values`; NaN last in row order; −0 ties with +0. */
export function argsortNumbers(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  const order = new Int32Array(n);
  let sorted = true;
  let nan = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== v) nan++;
    else if (sorted && i > 0 && (v < values[i - 1]! || values[i - 1] !== values[i - 1])) sorted = false;
  }
  if (nan > 0 && sorted) {
    // Sorted apart from NaN (which must all be at the end to keep the identity order).
    for (let i = n - nan; i < n; i++) if (values[i] === values[i]) sorted = false;
  }
  if (sorted) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order;
  }
  const m = n - nan;
  // Keys as two uint32 words whose unsigned order is the numeric order (−0 read as +0).
  let lo = new Int32Array(m);
  let hi = new Int32Array(m);
  let idx = new Int32Array(m);
  const scratch = new Float64Array(1);
  const words = new Int32Array(scratch.buffer);
  let k = 0;
  let tail = m;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== v) {
      order[tail++] = i;
      continue;
    }
    scratch[0] = v === 0 ? 0 : v;
    const h = words[1]!;
    const s = h >> 31;
    lo[k] = words[0]! ^ s;
    hi[k] = h ^ (s | 0x80000000);
    idx[k++] = i;
  }
  const counts = new Int32Array(RADIX * 6);
  for (let i = 0; i < m; i++) {
    const l = lo[i]!;
    const h = hi[i]!;
    counts[l & MASK]!++;
    counts[RADIX + ((l >>> 11) & MASK)]!++;
    counts[2 * RADIX + (((l >>> 22) | (h << 10)) & MASK)]!++;
    counts[3 * RADIX + ((h >>> 1) & MASK)]!++;
    counts[4 * RADIX + ((h >>> 12) & MASK)]!++;
    counts[5 * RADIX + (h >>> 23)]!++;
  }
  let lo2 = new Int32Array(m);
  let hi2 = new Int32Array(m);
  let idx2 = new Int32Array(m);
  for (let pass = 0; pass < 6; pass++) {
    const offsets = counts.subarray(pass * RADIX, (pass + 1) * RADIX);
    if (m === 0 || offsets.includes(m)) continue;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = offsets[d]!;
      offsets[d] = sum;
      sum += c;
    }
    scatterPairs(lo, hi, idx, lo2, hi2, idx2, offsets, pass);
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [idx, idx2] = [idx2, idx];
  }
  order.set(idx);
  return order;
}

function scatterPairs(lo: Int32Array, hi: Int32Array, idx: Int32Array, lo2: Int32Array, hi2: Int32Array, idx2: Int32Array, offsets: Int32Array, pass: number): void {
  const m = lo.length;
  for (let i = 0; i < m; i++) {
    const l = lo[i]!;
    const h = hi[i]!;
    const digit =
      pass === 0 ? l & MASK : pass === 1 ? (l >>> 11) & MASK : pass === 2 ? ((l >>> 22) | (h << 10)) & MASK : pass === 3 ? (h >>> 1) & MASK : pass === 4 ? (h >>> 12) & MASK : h >>> 23;
    const at = offsets[digit]!++;
    lo2[at] = l;
    hi2[at] = h;
    idx2[at] = idx[i]!;
  }
}

/** Text keys as slices of one text: row i is `text[start[i], end[i])`, missing when `start[i] < 0`. */
export interface TextRows {
  readonly text: string;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/** Strings (anything else is a missing key) as {@link TextRows} of their concatenation. */
export function textRowsOf(cells: ArrayLike<unknown>): TextRows {
  const n = cells.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const cell = cells[i];
    if (typeof cell !== "string") {
      start[i] = -1;
      continue;
    }
    parts.push(cell);
    start[i] = at;
    at += cell.length;
    end[i] = at;
  }
  return { text: parts.join(""), start, end };
}

/**
 * Stable ascending order of text keys by UTF-16 code units, missing keys last in row order.
 * `texts[i]` is a string, or anything else for a missing key.
 */
export function argsortTexts(texts: ArrayLike<unknown>): Int32Array {
  return argsortTextRows(textRowsOf(texts));
}

/** {@link argsortTexts} on text rows. */
export function argsortTextRows(rows: TextRows): Int32Array {
  const { text, start, end } = rows;
  const n = start.length;
  const order = new Int32Array(n);
  let m = 0;
  let sorted = true;
  let previous = -1;
  for (let i = 0; i < n; i++) {
    if (start[i]! < 0) continue;
    if (m !== i || (previous >= 0 && compareRows(text, start, end, previous, i, 0) > 0)) sorted = false;
    previous = i;
    order[m++] = i;
  }
  if (sorted && m === n) return order;
  let tail = m;
  for (let i = 0; i < n; i++) if (start[i]! < 0) order[tail++] = i;
  if (!sorted) packedRadixSort(rows, order, m);
  return order;
}

/**
 * Sorts order[0, m) by the texts of those rows; equal texts end in row order. In rounds: each
 * round packs the next few characters of every text still tied with another (each character as
 * its rank in the column's alphabet, so digits and hex take 4–5 bits) above the row number into a
 * 64-bit integer, sorts those with the engine's native `BigUint64Array` sort, and carries on with
 * the groups whose packed characters are equal. The row number in the low bits makes the order
 * stable. Small groups finish by insertion sort.
 */
function packedRadixSort(rows: TextRows, order: Int32Array, m: number): void {
  const { text, start, end } = rows;
  const n = start.length;
  // The alphabet, in code-unit order; rank 0 marks the end of a text.
  const present = new Uint8Array(65536);
  for (let k = 0; k < m; k++) {
    const row = order[k]!;
    for (let i = start[row]!; i < end[row]!; i++) present[text.charCodeAt(i)] = 1;
  }
  const rank = new Uint16Array(65536);
  let symbols = 0;
  for (let code = 0; code < 65536; code++) if (present[code]) rank[code] = ++symbols;
  const charBits = Math.max(1, Math.ceil(Math.log2(symbols + 1)));
  const rowBits = Math.max(1, Math.ceil(Math.log2(n)));
  const perRound = Math.floor((64 - rowBits) / charBits);
  const rowMask = rowBits >= 32 ? -1 : (1 << rowBits) - 1;

  // The first few rounds' characters of every text, each round's packed in one pass in row order
  // when first needed (reading the texts in sorted order would jump around memory).
  const cached = 3;
  const chunkHigh: Uint32Array[] = [];
  const chunkLow: Uint32Array[] = [];
  let packedHigh = 0;
  let packedLow = 0;
  const pack = (row: number, depth: number): void => {
    const from = start[row]! + depth;
    const to = end[row]!;
    let high = 0;
    let low = 0;
    for (let c = 0; c < perRound; c++) {
      const symbol = from + c < to ? rank[text.charCodeAt(from + c)]! : 0;
      high = (high << charBits) | (low >>> (32 - charBits));
      low = (low << charBits) | symbol;
    }
    packedHigh = high;
    packedLow = low;
  };
  const chunk = (round: number): void => {
    const high = new Uint32Array(n);
    const low = new Uint32Array(n);
    for (let row = 0; row < n; row++) {
      if (start[row]! < 0) continue;
      pack(row, round * perRound);
      high[row] = packedHigh;
      low[row] = packedLow;
    }
    chunkHigh.push(high);
    chunkLow.push(low);
  };

  const packed = new BigUint64Array(m);
  const words = new Uint32Array(packed.buffer);
  // Explicit stack of (lo, hi, depth) groups still to order.
  let stack = new Int32Array(96);
  let top = 0;
  const push = (lo: number, hi: number, depth: number): void => {
    if (top + 3 > stack.length) {
      const grown = new Int32Array(stack.length * 2);
      grown.set(stack);
      stack = grown;
    }
    stack[top++] = lo;
    stack[top++] = hi;
    stack[top++] = depth;
  };
  push(0, m, 0);
  while (top > 0) {
    const depth = stack[--top]!;
    const hi = stack[--top]!;
    const lo = stack[--top]!;
    if (hi - lo <= 16) {
      insertionSort(rows, order, lo, hi, depth);
      continue;
    }
    const round = depth / perRound;
    while (round < cached && chunkHigh.length <= round) chunk(chunkHigh.length);
    const roundHigh = chunkHigh[round];
    const roundLow = chunkLow[round];
    for (let k = lo; k < hi; k++) {
      const row = order[k]!;
      let high: number;
      let low: number;
      if (roundHigh && roundLow) {
        high = roundHigh[row]!;
        low = roundLow[row]!;
      } else {
        pack(row, depth);
        high = packedHigh;
        low = packedLow;
      }
      high = (high << rowBits) | (rowBits >= 32 ? low : low >>> (32 - rowBits));
      low = rowBits >= 32 ? row : (low << rowBits) | row;
      words[2 * k] = low;
      words[2 * k + 1] = high;
    }
    packed.subarray(lo, hi).sort();
    // Read the rows back; runs of equal characters are ordered further unless their texts ended.
    let runStart = lo;
    for (let k = lo; k <= hi; k++) {
      if (k < hi) order[k] = words[2 * k]! & rowMask;
      const sameRun = k < hi && k > lo && words[2 * k + 1] === words[2 * k - 1] && (rowBits >= 32 || words[2 * k]! >>> rowBits === words[2 * k - 2]! >>> rowBits);
      if (sameRun) continue;
      const first = order[runStart]!;
      if (k - runStart > 1 && end[first]! - start[first]! >= depth + perRound) push(runStart, k, depth + perRound);
      runStart = k;
    }
  }
}

function insertionSort(rows: TextRows, order: Int32Array, lo: number, hi: number, depth: number): void {
  const { text, start, end } = rows;
  for (let i = lo + 1; i < hi; i++) {
    const row = order[i]!;
    let j = i - 1;
    while (j >= lo && compareRows(text, start, end, order[j]!, row, depth) > 0) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = row;
  }
}

/** Order of rows x and y by text from `depth` on (earlier units are equal), then by row. */
function compareRows(text: string, start: Int32Array, end: Int32Array, x: number, y: number, depth: number): number {
  const xs = start[x]!;
  const ys = start[y]!;
  const xl = end[x]! - xs;
  const yl = end[y]! - ys;
  const n = Math.min(xl, yl);
  for (let d = depth; d < n; d++) {
    const a = text.charCodeAt(xs + d);
    const b = text.charCodeAt(ys + d);
    if (a !== b) return a - b;
  }
  return xl !== yl ? xl - yl : x - y;
}
