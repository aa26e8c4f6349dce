/**
 * Unit-cost edit distance (insertions, deletions and substitutions each cost 1) between two
 * integer sequences: Unicode code points of strings, or tokens interned as small integers.
 *
 * Uses the bit-parallel algorithm of Myers (1999) in Hyyrö's formulation for the global edit
 * distance, in 32-bit blocks: O(⌈m/32⌉·n) word operations for a pattern of length m (the shorter
 * sequence) and a text of length n, after the common prefix and suffix are set aside (which does not
 * change the distance). Not reentrant: the work buffers are shared by the module.
 */

import { MetricError } from "../src/errors.js";

/** Symbol → slot in the match-mask table, for symbols below 2^16 (-1 = not in the pattern). */
const SMALL = 1 << 16;
const smallSlots = new Int32Array(SMALL).fill(-1);
const largeSlots = new Map<number, number>();
let peq = new Int32Array(64);
let vp = new Int32Array(4);
let vn = new Int32Array(4);

function slotOf(symbol: number): number {
  if (symbol >= 0 && symbol < SMALL) return smallSlots[symbol]!;
  return largeSlots.get(symbol) ?? -1;
}

/**
 * Edit distance between `a[0, aLength)` and `b[0, bLength)`. Symbols are compared as integers, so
 * pass code points (not UTF-16 units) to compare strings as Python does.
 */
export function editDistance(a: Int32Array, aLength: number, b: Int32Array, bLength: number): number {
  let start = 0;
  while (start < aLength && start < bLength && a[start] === b[start]) start++;
  let aEnd = aLength;
  let bEnd = bLength;
  while (aEnd > start && bEnd > start && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--;
    bEnd--;
  }
  const aSize = aEnd - start;
  const bSize = bEnd - start;
  if (aSize === 0) return bSize;
  if (bSize === 0) return aSize;
  // The shorter sequence is the pattern (fewer blocks); the distance is symmetric.
  return aSize <= bSize ? bitParallel(a, start, aSize, b, start, bSize) : bitParallel(b, start, bSize, a, start, aSize);
}

function bitParallel(pattern: Int32Array, pStart: number, m: number, text: Int32Array, tStart: number, n: number): number {
  const blocks = (m + 31) >>> 5;
  // Assign a slot to each distinct pattern symbol and build its match mask per block.
  const symbols: number[] = [];
  if (peq.length < m * blocks) peq = new Int32Array(Math.max(m * blocks, peq.length * 2));
  for (let i = 0; i < m; i++) {
    const symbol = pattern[pStart + i]!;
    let slot = slotOf(symbol);
    if (slot < 0) {
      slot = symbols.length;
      symbols.push(symbol);
      if (symbol >= 0 && symbol < SMALL) smallSlots[symbol] = slot;
      else largeSlots.set(symbol, slot);
      peq.fill(0, slot * blocks, slot * blocks + blocks);
    }
    peq[slot * blocks + (i >>> 5)]! |= 1 << (i & 31);
  }
  const score = blocks === 1 ? singleBlock(m, text, tStart, n) : multiBlock(m, blocks, text, tStart, n);
  for (const symbol of symbols) {
    if (symbol >= 0 && symbol < SMALL) smallSlots[symbol] = -1;
  }
  largeSlots.clear();
  return score;
}

function singleBlock(m: number, text: Int32Array, tStart: number, n: number): number {
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  for (let j = 0; j < n; j++) {
    const slot = slotOf(text[tStart + j]!);
    const eq = slot < 0 ? 0 : peq[slot]!;
    const xv = eq | mv;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    // The top row of the DP matrix grows by one per text symbol: a +1 horizontal delta enters.
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

function multiBlock(m: number, blocks: number, text: Int32Array, tStart: number, n: number): number {
  if (vp.length < blocks) {
    vp = new Int32Array(blocks * 2);
    vn = new Int32Array(blocks * 2);
  }
  vp.fill(-1, 0, blocks);
  vn.fill(0, 0, blocks);
  const lastBlock = blocks - 1;
  const lastBit = 1 << ((m - 1) & 31);
  let score = m;
  for (let j = 0; j < n; j++) {
    const slot = slotOf(text[tStart + j]!);
    const base = slot < 0 ? -1 : slot * blocks;
    let carry = 1; // horizontal delta entering the block from above: +1 on the top row
    for (let block = 0; block < blocks; block++) {
      let eq = base < 0 ? 0 : peq[base + block]!;
      const pv = vp[block]!;
      const mv = vn[block]!;
      const xv = eq | mv;
      if (carry < 0) eq |= 1;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const high = block === lastBlock ? lastBit : 1 << 31;
      const out = ph & high ? 1 : mh & high ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (carry < 0) mh |= 1;
      else if (carry > 0) ph |= 1;
      vp[block] = mh | ~(xv | ph);
      vn[block] = ph & xv;
      carry = out;
    }
    score += carry;
  }
  return score;
}

/** Grows a buffer to hold at least `size` entries. */
export function ensureCapacity(buffer: Int32Array, size: number): Int32Array {
  return buffer.length >= size ? buffer : new Int32Array(Math.max(size, buffer.length * 2));
}

/**
 * Writes the code points of `text` into `buffer` (grown when needed); returns the buffer and the
 * number of code points. A lone surrogate counts as one symbol, as Python's str holds it.
 */
export function codePointsOf(text: string, buffer: Int32Array): { buffer: Int32Array; length: number } {
  const out = ensureCapacity(buffer, text.length);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out[length++] = ((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
        i++;
        continue;
      }
    }
    out[length++] = unit;
  }
  return { buffer: out, length };
}

/** A sequence to compare: a string (compared by code point) or a list of tokens. */
export type Sequence = string | ArrayLike<string | number>;

function describeValue(value: unknown): string {
  if (typeof value === "number") return Number.isNaN(value) ? "a missing value (NaN)" : `the number ${value}`;
  if (value === null || value === undefined) return "nothing";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function checkSequence(value: unknown, role: string, row: number): void {
  if (typeof value === "string" || (value !== null && typeof value === "object" && typeof (value as ArrayLike<unknown>).length === "number")) return;
  const code = typeof value === "number" && Number.isNaN(value) ? "MISSING_VALUE" : "MALFORMED_PREDICTION";
  throw new MetricError(code, `${role} row ${row + 1}: expected a string or a list of tokens, got ${describeValue(value)}`);
}

/**
 * Edit distances between paired sequences, with the length of each true sequence. Both sides of a
 * pair are strings (compared by code point) or token lists (tokens equal when `===`; a string on
 * the other side is read as its characters). Throws MetricError on unequal lengths or a value that
 * is neither a string nor a list (Levenshtein raises TypeError there).
 */
export function pairedEditDistances(yTrue: ArrayLike<Sequence>, yPred: ArrayLike<Sequence>): { distances: Float64Array; trueLengths: Float64Array } {
  if (yTrue.length !== yPred.length) {
    throw new MetricError("ROW_COUNT_MISMATCH", `expected ${yTrue.length} predicted sequences, got ${yPred.length}`);
  }
  const n = yTrue.length;
  const distances = new Float64Array(n);
  const trueLengths = new Float64Array(n);
  const tokenIds = new Map<string | number, number>();
  let left: Int32Array = new Int32Array(64);
  let right: Int32Array = new Int32Array(64);
  const encode = (value: Sequence, asTokens: boolean, buffer: Int32Array): { buffer: Int32Array; length: number } => {
    if (!asTokens) return codePointsOf(value as string, buffer);
    const items: ArrayLike<string | number> = typeof value === "string" ? Array.from(value) : value;
    const out = ensureCapacity(buffer, items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      let id = tokenIds.get(item);
      if (id === undefined) tokenIds.set(item, (id = tokenIds.size));
      out[i] = id;
    }
    return { buffer: out, length: items.length };
  };
  for (let i = 0; i < n; i++) {
    const t = yTrue[i]!;
    const p = yPred[i]!;
    checkSequence(t, "y_true", i);
    checkSequence(p, "y_pred", i);
    const asTokens = typeof t !== "string" || typeof p !== "string";
    const a = encode(t, asTokens, left);
    left = a.buffer;
    const b = encode(p, asTokens, right);
    right = b.buffer;
    distances[i] = editDistance(left, a.length, right, b.length);
    trueLengths[i] = a.length;
  }
  return { distances, trueLengths };
}
