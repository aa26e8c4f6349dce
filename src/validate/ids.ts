/**
 * Id checks for streaming validation: duplicates, ids the reference lacks, ids the submission
 * lacks, all without keeping the submission's rows.
 *
 * Whether two id cells are equal depends on the dtype pandas gives the whole column, which is
 * known only at the end: `007` and `7` are the same id in an int64 column and different ids in a
 * text column. So each id is tracked under both readings (as a number and as text) until the
 * column's dtype is known, and the reading that matches it is reported.
 *
 * Memory: against a reference (answers or sample submission), one counter per distinct reference
 * id per reading; without a reference, a set of 64-bit hashes of the ids seen (one set while the
 * two readings agree, two once they differ), capped at {@link MAX_TRACKED_IDS} ids.
 */
import type { Column } from "../table/column.js";
import { DtypeInference, parseBool, parseFloatText } from "../table/dtype.js";
import { isIntegerText } from "../table/scalars.js";
import type { Frame } from "../table/frame.js";
import { showText, type IssueLog, type IssueOrigin } from "./issues.js";

/** Ids beyond this many distinct ones are not checked for duplicates without a reference. */
export const MAX_TRACKED_IDS = 1 << 21;

/**
 * The key of an id cell when its column is numeric: Python's equality makes `7`, `007`, `7.0`
 * and `+7` equal (and True equal to 1). Undefined when the cell is not a number.
 */
export function numericIdKey(text: string): string | undefined {
  if (isIntegerText(text)) {
    const value = BigInt(text.trim());
    return value.toString();
  }
  const bool = parseBool(text);
  if (bool !== undefined) return bool ? "1" : "0";
  const value = parseFloatText(text);
  if (value === undefined) return undefined;
  return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? BigInt(value).toString() : String(value);
}

/** The key of a parsed reference cell, comparable with {@link numericIdKey} and `"s:" + text`. */
function columnKey(column: Column, row: number): string | undefined {
  const big = column.bigValues?.get(row);
  if (big !== undefined) return big.toString();
  const value = column.get(row);
  if (typeof value === "string") return `s:${value}`;
  if (typeof value === "boolean") return value ? "1" : "0";
  if (Number.isNaN(value)) return undefined;
  return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? BigInt(value).toString() : String(value);
}

/** Key of one part of a composite id: numeric where the cell is a number, else its text. */
function canonicalPart(text: string): string {
  return numericIdKey(text) ?? `s:${text}`;
}

function canonicalColumnPart(column: Column, row: number): string | undefined {
  const key = columnKey(column, row);
  if (key === undefined || !key.startsWith("s:")) return key;
  return numericIdKey(key.slice(2)) ?? key;
}

/** The ids and row count a submission must match: from the answers or the sample submission. */
export interface IdReference {
  source: "answers" | "sample";
  rows: number;
  /** Submission id columns, all present in the reference; empty when ids cannot be checked. */
  idColumns: string[];
  keys: Map<string, number>;
  /** How many times each distinct id appears in the reference. */
  expected: Uint32Array;
  /** Each distinct id as the reference shows it. */
  display: string[];
  /** Whether the reference's ids are numbers (pandas read its id column as numeric). */
  numeric: boolean;
}

/** Indexes the reference's ids (the columns the definition marks as ids). */
export function buildReference(frame: Frame, idColumns: readonly string[], source: IdReference["source"]): IdReference {
  const usable = idColumns.length > 0 && idColumns.every((name) => frame.has(name));
  const columns = usable ? idColumns.map((name) => frame.col(name)) : [];
  const keys = new Map<string, number>();
  const counts: number[] = [];
  const display: string[] = [];
  if (usable) {
    const strings = columns.map((c) => c.toStrings());
    for (let row = 0; row < frame.length; row++) {
      const key = columns.length === 1 ? columnKey(columns[0]!, row) : compositeKey(columns.map((c) => canonicalColumnPart(c, row)));
      if (key === undefined) continue;
      const index = keys.get(key);
      if (index !== undefined) counts[index]!++;
      else {
        keys.set(key, counts.length);
        counts.push(1);
        display.push(strings.map((texts) => texts[row]!).join(" / "));
      }
    }
  }
  const numeric = columns.length === 1 && columns[0]!.dtype !== "object";
  return { source, rows: frame.length, idColumns: usable ? [...idColumns] : [], keys, expected: Uint32Array.from(counts), display, numeric };
}

function compositeKey(parts: (string | undefined)[]): string | undefined {
  return parts.some((p) => p === undefined) ? undefined : JSON.stringify(parts);
}

/** One located id, kept as an example for the report. */
interface IdExample {
  row: number;
  line: number;
  text: string;
}

/** Duplicates and unknown ids found under one reading of the id column. */
class Reading {
  duplicates = 0;
  unexpected = 0;
  duplicateExamples: IdExample[] = [];
  unexpectedExamples: IdExample[] = [];
  /** Against a reference: how many times each distinct reference id was seen. */
  seen: Uint32Array | null = null;

  constructor(private readonly keep: number) {}

  duplicate(example: IdExample): void {
    if (this.duplicateExamples.length < this.keep) this.duplicateExamples.push(example);
    this.duplicates++;
  }

  unknown(example: IdExample): void {
    if (this.unexpectedExamples.length < this.keep) this.unexpectedExamples.push(example);
    this.unexpected++;
  }
}

export interface IdTrackerOptions {
  file: string;
  columns: string[];
  reference: IdReference | null;
  /** Examples kept per kind of problem. */
  keep: number;
  /** Whether ids must be unique when there is no reference to count them against (default true). */
  unique?: boolean;
}

/**
 * Follows the id cells of every row. Call {@link add} per data row, then {@link finish} to
 * report duplicates, unknown ids and missing ids to the issue log.
 */
export class IdTracker {
  private readonly dtype: DtypeInference | null;
  private readonly reference: IdReference | null;
  /** The numeric reading; dropped at the first id that is not a number (or for composite ids). */
  private numeric: Reading | null;
  private readonly text: Reading;
  /** Without a reference: hashes seen under each reading; one shared set while they agree. */
  private numericSet: HashSet64 | null = null;
  private textSet: HashSet64 | null = null;
  private firstText: IdExample | null = null;
  private capped = false;

  constructor(private readonly options: IdTrackerOptions) {
    this.reference = options.reference && options.reference.idColumns.length > 0 ? options.reference : null;
    const single = options.columns.length === 1;
    this.dtype = single ? new DtypeInference() : null;
    this.text = new Reading(options.keep);
    this.numeric = single ? new Reading(options.keep) : null;
    if (this.reference) {
      this.text.seen = new Uint32Array(this.reference.expected.length);
      if (this.numeric) this.numeric.seen = new Uint32Array(this.reference.expected.length);
    } else if (single) {
      this.numericSet = new HashSet64();
    } else {
      this.textSet = new HashSet64();
    }
  }

  /** One data row's id cells (texts and whether each is a missing-value spelling). */
  add(row: number, line: number, texts: readonly string[], missing: readonly boolean[]): void {
    if (this.dtype) this.dtype.add(texts[0]!, missing[0]!);
    // A missing id equals nothing (NaN); the cell checks report it as a missing value.
    if (missing.includes(true)) return;
    const example = { row, line, text: texts.join(" / ") };
    let numericKey: string | undefined;
    let textKey: string;
    if (this.dtype) {
      numericKey = numericIdKey(texts[0]!);
      textKey = texts[0]!;
    } else {
      textKey = JSON.stringify(texts.map(canonicalPart));
    }
    if (numericKey === undefined && this.numeric) {
      // An id that is not a number: pandas reads the column as text.
      this.firstText = example;
      this.numeric = null;
      if (this.numericSet) {
        if (!this.textSet) this.textSet = this.numericSet;
        this.numericSet = null;
      }
    }
    if (this.reference) {
      if (this.numeric) this.match(this.numeric, numericKey!, example);
      this.match(this.text, this.dtype ? `s:${textKey}` : textKey, example);
    } else if (!this.capped && this.options.unique !== false) {
      this.trackDuplicates(numericKey, textKey, example);
    }
  }

  private match(reading: Reading, key: string, example: IdExample): void {
    const index = this.reference!.keys.get(key);
    if (index === undefined) {
      reading.unknown(example);
      return;
    }
    const seen = ++reading.seen![index]!;
    if (seen > this.reference!.expected[index]!) reading.duplicate(example);
  }

  private trackDuplicates(numericKey: string | undefined, textKey: string, example: IdExample): void {
    if ((this.numericSet?.size ?? 0) >= MAX_TRACKED_IDS || (this.textSet?.size ?? 0) >= MAX_TRACKED_IDS) {
      this.capped = true;
      this.numericSet = null;
      this.textSet = null;
      return;
    }
    if (this.numeric && numericKey !== undefined) {
      // While every id is spelled canonically (7, not 007 or 7.0) both readings share one set.
      if (!this.textSet && textKey !== numericKey) this.textSet = this.numericSet!.clone();
      const repeated = this.numericSet!.add(numericKey);
      if (repeated) this.numeric.duplicate(example);
      if (this.textSet) {
        if (this.textSet.add(textKey)) this.text.duplicate(example);
      } else if (repeated) this.text.duplicate(example);
    } else if (this.textSet!.add(textKey)) {
      this.text.duplicate(example);
    }
  }

  /** The reading that matches the dtype pandas gives the id column. */
  private chosen(): Reading {
    if (this.numeric && this.dtype && this.dtype.decide().dtype !== "object") return this.numeric;
    return this.text;
  }

  /** Reports what the chosen reading found. */
  finish(log: IssueLog): void {
    const { file } = this.options;
    const column = this.options.columns.join(" / ");
    const reading = this.chosen();
    const origin: IssueOrigin = this.reference ? "reference" : "format";
    for (let k = 0; k < reading.duplicates; k++) {
      const example = reading.duplicateExamples[k];
      log.report("DUPLICATE_IDS", "error", () => ({
        origin,
        file,
        column,
        row: example?.row,
        line: example?.line,
        received: example ? showText(example.text) : undefined,
        expected: "each id once",
        message: `${file} row ${example?.row}, column "${column}": id ${example ? showText(example.text) : ""} appears more often than expected`,
      }));
    }
    if (this.capped) {
      log.report("DUPLICATE_IDS", "warning", () => ({
        origin,
        file,
        column,
        message: `${file} column "${column}": duplicate ids not checked beyond ${MAX_TRACKED_IDS} distinct ids`,
      }));
    }
    const ref = this.reference;
    if (!ref) return;
    const where = ref.source === "sample" ? "sample submission" : "answers";
    for (let k = 0; k < reading.unexpected; k++) {
      const example = reading.unexpectedExamples[k];
      log.report("UNEXPECTED_IDS", "error", () => ({
        origin,
        file,
        column,
        row: example?.row,
        line: example?.line,
        received: example ? showText(example.text) : undefined,
        message: `${file} row ${example?.row}, column "${column}": id ${example ? showText(example.text) : ""} is not in the ${where}`,
      }));
    }
    const first = this.firstText;
    if (reading === this.text && first && ref.numeric && reading.unexpected > 0) {
      log.report("ID_MISMATCH", "error", () => ({
        origin,
        file,
        column,
        row: first.row,
        line: first.line,
        received: showText(first.text),
        expected: "a number, like the other ids",
        message: `${file} row ${first.row}, column "${column}": id ${showText(first.text)} is not a number, so pandas reads the whole column as text and numeric ids no longer match`,
      }));
    }
    const seen = reading.seen!;
    for (let index = 0; index < seen.length; index++) {
      const short = ref.expected[index]! - Math.min(seen[index]!, ref.expected[index]!);
      for (let k = 0; k < short; k++) {
        log.report("MISSING_IDS", "error", () => ({
          origin,
          file,
          column,
          expected: showText(ref.display[index]!),
          message: `${file} column "${column}": id ${showText(ref.display[index]!)} from the ${where} is missing`,
        }));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

let h1 = 0;
let h2 = 0;

/** Two 32-bit hashes of a string (FNV-1a and a multiply-xorshift variant, each finalised). */
function hash(key: string): void {
  let a = 0x811c9dc5 ^ key.length;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  h1 = finalize(a) | 0;
  h2 = finalize(b ^ key.length) | 0;
  if (h1 === 0 && h2 === 0) h2 = 1;
}

function finalize(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/**
 * A set of 64-bit string hashes in two typed arrays (open addressing, linear probing, at most
 * half full). Two different ids collide with probability about n²/2^65 for n ids.
 */
export class HashSet64 {
  private hi: Int32Array;
  private lo: Int32Array;
  size = 0;

  constructor(capacity = 1 << 12) {
    this.hi = new Int32Array(capacity);
    this.lo = new Int32Array(capacity);
  }

  /** Adds a key; returns true when it was already there. */
  add(key: string): boolean {
    hash(key);
    if (this.has(h1, h2)) return true;
    if ((this.size + 1) * 2 > this.hi.length) this.grow();
    this.insert(h1, h2);
    this.size++;
    return false;
  }

  private has(a: number, b: number): boolean {
    const mask = this.hi.length - 1;
    for (let i = (a ^ Math.imul(b, 0x27d4eb2d)) & mask; ; i = (i + 1) & mask) {
      const x = this.hi[i]!;
      const y = this.lo[i]!;
      if (x === 0 && y === 0) return false;
      if (x === a && y === b) return true;
    }
  }

  private insert(a: number, b: number): void {
    const mask = this.hi.length - 1;
    let i = (a ^ Math.imul(b, 0x27d4eb2d)) & mask;
    while (this.hi[i] !== 0 || this.lo[i] !== 0) i = (i + 1) & mask;
    this.hi[i] = a;
    this.lo[i] = b;
  }

  private grow(): void {
    const hi = this.hi;
    const lo = this.lo;
    this.hi = new Int32Array(hi.length * 2);
    this.lo = new Int32Array(lo.length * 2);
    for (let i = 0; i < hi.length; i++) if (hi[i] !== 0 || lo[i] !== 0) this.insert(hi[i]!, lo[i]!);
  }

  clone(): HashSet64 {
    const copy = new HashSet64(this.hi.length);
    copy.hi.set(this.hi);
    copy.lo.set(this.lo);
    copy.size = this.size;
    return copy;
  }
}
