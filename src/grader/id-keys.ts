/**
 * Id matching without a hash key object per row: the equality of `Column.key` (Python's `==`:
 * 1 == 1.0 == True, "1" != 1, NaN equals nothing) computed straight from the column's storage.
 * Number columns are hashed on their float64 bits and text columns on their characters, in typed
 * arrays (text read in place from the file's text, see `TextSlices`); anything else (booleans
 * beside text, integers beyond 2^53) through `Column.key`, as before.
 */
import type { TextRows } from "../_internal/argsort.js";
import { sameKeys, type CellKey, type Column } from "../table/column.js";

/** Whether the two columns hold equal keys row for row (same length; NaN equals nothing). */
export const sameKeysInOrder = sameKeys;

/**
 * The rows of a column grouped by key, for lookups by the keys of another column: `find(i)` is
 * the first row of `column` whose key equals the other column's key at row i (−1 when none), and
 * `next[row]` the following row with the same key (−1 after the last). Rows with a NaN key are in
 * no group.
 */
export interface KeyIndex {
  find(i: number): number;
  readonly next: Int32Array;
  /** Whether `column` has a NaN key. */
  readonly hasNaN: boolean;
}

/** Indexes `column`'s rows by key, for lookups of `other`'s rows. */
export function indexKeys(column: Column, other: Column): KeyIndex {
  if (column.values && other.values && !column.bigValues && !other.bigValues) return numberIndex(column.values, other.values);
  const rows = column.textRows();
  const otherRows = rows && other.textRows();
  if (rows && otherRows) return textIndex(rows, otherRows);
  let hasNaN = false;
  for (let i = 0; i < column.length && !hasNaN; i++) hasNaN = column.isMissing(i);
  return mapIndex<CellKey>(column.length, (i) => column.key(i), (i) => other.key(i), hasNaN);
}

function mapIndex<K>(n: number, keyOf: (i: number) => K, otherKeyOf: (i: number) => K, hasNaN: boolean): KeyIndex {
  const first = new Map<K, number>();
  const last = new Map<K, number>();
  const next = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const key = keyOf(i);
    const tail = last.get(key);
    if (tail === undefined) first.set(key, i);
    else next[tail] = i;
    last.set(key, i);
  }
  return { find: (i) => first.get(otherKeyOf(i)) ?? -1, next, hasNaN };
}

/** FNV-1a hash of text[start, end). */
function hashText(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function sameText(a: string, from: number, to: number, b: string, start: number, end: number): boolean {
  if (to - from !== end - start) return false;
  for (let k = 0; k < to - from; k++) if (a.charCodeAt(from + k) !== b.charCodeAt(start + k)) return false;
  return true;
}

/** Open-addressing hash of text rows (missing rows left out), probed with the other column's rows. */
function textIndex(rows: TextRows, other: TextRows): KeyIndex {
  const { text, start, end } = rows;
  const n = start.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1); // first row of each key
  const hashes = new Int32Array(size);
  const tails = new Int32Array(size);
  const next = new Int32Array(n).fill(-1);
  let hasNaN = false;
  for (let i = 0; i < n; i++) {
    const from = start[i]!;
    if (from < 0) {
      hasNaN = true;
      continue;
    }
    const to = end[i]!;
    const h = hashText(text, from, to);
    let slot = h & mask;
    for (;;) {
      const row = slots[slot]!;
      if (row < 0) {
        slots[slot] = i;
        hashes[slot] = h;
        tails[slot] = i;
        break;
      }
      if (hashes[slot] === h && sameText(text, start[row]!, end[row]!, text, from, to)) {
        next[tails[slot]!] = i;
        tails[slot] = i;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const find = (i: number): number => {
    const from = other.start[i]!;
    if (from < 0) return -1;
    const to = other.end[i]!;
    const h = hashText(other.text, from, to);
    let slot = h & mask;
    for (;;) {
      const row = slots[slot]!;
      if (row < 0) return -1;
      if (hashes[slot] === h && sameText(text, start[row]!, end[row]!, other.text, from, to)) return row;
      slot = (slot + 1) & mask;
    }
  };
  return { find, next, hasNaN };
}

/** Open-addressing hash of float64 values (−0 as +0; NaN left out). */
function numberIndex(values: Float64Array, otherValues: Float64Array): KeyIndex {
  const n = values.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1); // first row of each key
  const tails = new Int32Array(size);
  const next = new Int32Array(n).fill(-1);
  const scratch = new Float64Array(1);
  const words = new Int32Array(scratch.buffer);
  let hasNaN = false;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== v) {
      hasNaN = true;
      continue;
    }
    scratch[0] = v === 0 ? 0 : v;
    let slot = (Math.imul(words[0]!, 0x9e3779b1) ^ Math.imul(words[1]!, 0x85ebca77)) & mask;
    for (;;) {
      const row = slots[slot]!;
      if (row < 0) {
        slots[slot] = i;
        tails[slot] = i;
        break;
      }
      if (values[row] === v) {
        next[tails[slot]!] = i;
        tails[slot] = i;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const find = (i: number): number => {
    const v = otherValues[i]!;
    if (v !== v) return -1;
    scratch[0] = v === 0 ? 0 : v;
    let slot = (Math.imul(words[0]!, 0x9e3779b1) ^ Math.imul(words[1]!, 0x85ebca77)) & mask;
    for (;;) {
      const row = slots[slot]!;
      if (row < 0 || values[row] === v) return row;
      slot = (slot + 1) & mask;
    }
  };
  return { find, next, hasNaN };
}

/**
 * `set(a) == set(b)` on keys, when that can be decided without `Column.key`'s NaN symbols: true
 * when every key of each column occurs in the other and neither has a NaN key; false otherwise
 * (the caller then runs its own diagnosis).
 */
export function sameKeySets(a: Column, b: Column): boolean {
  const index = indexKeys(b, a);
  if (index.hasNaN) return false;
  const seen = new Uint8Array(b.length);
  for (let i = 0; i < a.length; i++) {
    const row = index.find(i);
    if (row < 0) return false;
    seen[row] = 1;
  }
  // Every key of b must have been found: its first row is the one find() returns.
  const isFirst = new Uint8Array(b.length).fill(1);
  for (let row = 0; row < b.length; row++) if (index.next[row]! >= 0) isFirst[index.next[row]!] = 0;
  for (let row = 0; row < b.length; row++) if (isFirst[row] && !seen[row]) return false;
  return true;
}
