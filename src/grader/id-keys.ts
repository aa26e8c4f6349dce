/**
 * Id matching without a hash key object per row: the equality of `Column.key` (Python's `==`:
 * 1 == 1.0 == True, "1" != 1, NaN equals nothing) computed straight from the column's storage.
 * Number columns are hashed on their float64 bits and text columns on their characters, in typed
 * arrays (text read in place from the file's text, see `TextSlices`); anything else (booleans
 * beside text, integers beyond 2^53) through `Column.key`, as before.
 */
import type { TextRows } from "../_internal/argsort.js";
import { sameKeys, type CellKey, type Column } from "../table/column.js";
import { compareCodePoints } from "../table/scalars.js";

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
  if (column.values && other.values && !column.bigValues && !other.bigValues) {
    const table = tableOf(column, () => numberTable(column.values!));
    const values = column.values;
    const otherValues = other.values;
    const { slots, mask } = table;
    const scratch = new Float64Array(1);
    const words = new Int32Array(scratch.buffer);
    const find = (i: number): number => {
      const v = otherValues[i]!;
      if (v !== v) return -1;
      scratch[0] = v === 0 ? 0 : v;
      let slot = hashWords(words) & mask;
      for (;;) {
        const row = slots[slot]!;
        if (row < 0 || values[row] === v) return row;
        slot = (slot + 1) & mask;
      }
    };
    return { find, next: table.next, hasNaN: table.hasNaN };
  }
  const rows = column.textRows();
  const otherRows = rows && other.textRows();
  if (rows && otherRows) {
    const table = tableOf(column, () => textTable(rows));
    const { text, start, end } = table.rows;
    const { slots, hashes, mask } = table;
    const find = (i: number): number => {
      const from = otherRows.start[i]!;
      if (from < 0) return -1;
      const to = otherRows.end[i]!;
      const h = hashText(otherRows.text, from, to);
      let slot = h & mask;
      for (;;) {
        const row = slots[slot]!;
        if (row < 0) return -1;
        if (hashes[slot] === h && sameText(text, start[row]!, end[row]!, otherRows.text, from, to)) return row;
        slot = (slot + 1) & mask;
      }
    };
    return { find, next: table.next, hasNaN: table.hasNaN };
  }
  let hasNaN = false;
  for (let i = 0; i < column.length && !hasNaN; i++) hasNaN = column.isMissing(i);
  return mapIndex<CellKey>(column.length, (i) => column.key(i), (i) => other.key(i), hasNaN);
}

/** A column's rows in an open-addressing hash table: the first row of each key, chained rows after it. */
interface HashTable {
  slots: Int32Array;
  mask: number;
  next: Int32Array;
  hasNaN: boolean;
}

// One table per column: graders often look the same ids up twice (id-set check, then merge).
const tables = new WeakMap<Column, HashTable>();

function tableOf<T extends HashTable>(column: Column, build: () => T): T {
  let table = tables.get(column) as T | undefined;
  if (!table) tables.set(column, (table = build()));
  return table;
}

function tableSize(n: number): number {
  let size = 16;
  while (size < 2 * n) size *= 2;
  return size;
}

function hashWords(words: Int32Array): number {
  return Math.imul(words[0]!, 0x9e3779b1) ^ Math.imul(words[1]!, 0x85ebca77);
}

/** Float64 values by their bits (−0 as +0; NaN left out). */
function numberTable(values: Float64Array): HashTable {
  const n = values.length;
  const size = tableSize(n);
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
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
    let slot = hashWords(words) & mask;
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
  return { slots, mask, next, hasNaN };
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

/** Text rows by their characters (missing rows left out). */
function textTable(rows: TextRows): HashTable & { rows: TextRows; hashes: Int32Array } {
  const { text, start, end } = rows;
  const n = start.length;
  const size = tableSize(n);
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
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
  return { slots, mask, next, hasNaN, rows, hashes };
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

/**
 * A text column as numbers that group and sort like its texts: each distinct text becomes its
 * rank in code-point order, a missing cell NaN. Undefined for a column that is not all text.
 */
export function textRanks(column: Column): Float64Array | undefined {
  const rows = column.textRows();
  if (!rows) return undefined;
  const table = tableOf(column, () => textTable(rows));
  const { text, start, end } = table.rows;
  const firsts: number[] = [];
  for (let slot = 0; slot < table.slots.length; slot++) if (table.slots[slot]! >= 0) firsts.push(table.slots[slot]!);
  const distinct = firsts.map((row) => text.slice(start[row]!, end[row]!));
  const order = firsts.map((_, k) => k).sort((x, y) => compareCodePoints(distinct[x]!, distinct[y]!));
  const ranks = new Float64Array(column.length).fill(NaN);
  order.forEach((k, rank) => {
    for (let row = firsts[k]!; row >= 0; row = table.next[row]!) ranks[row] = rank;
  });
  return ranks;
}

/**
 * `set(a) == set(b)` on keys, when that can be decided without `Column.key`'s NaN symbols: true
 * when every key of each column occurs in the other and neither has a NaN key; false otherwise
 * (the caller then runs its own diagnosis).
 */
export function sameKeySets(a: Column, b: Column): boolean {
  const index = indexKeys(a, b);
  if (index.hasNaN) return false;
  const seen = new Uint8Array(a.length);
  for (let i = 0; i < b.length; i++) {
    const row = index.find(i);
    if (row < 0) return false;
    seen[row] = 1;
  }
  // Every key of a must have been found: its first row is the one find() returns.
  const isFirst = new Uint8Array(a.length).fill(1);
  for (let row = 0; row < a.length; row++) if (index.next[row]! >= 0) isFirst[index.next[row]!] = 0;
  for (let row = 0; row < a.length; row++) if (isFirst[row] && !seen[row]) return false;
  return true;
}
