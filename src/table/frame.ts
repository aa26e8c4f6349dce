/**
 * A minimal data frame with the parsing and typing rules of `pandas.read_csv(...,
 * float_precision="round_trip")`, which MLE-bench uses for submissions and answers.
 *
 * Column typing follows pandas' C parser, checked cell by cell against pandas:
 * - missing-value spellings ({@link PANDAS_NA_VALUES}) become NaN, quoted or not;
 * - a column whose cells are all integers (blanks and a sign allowed, leading zeros dropped) and
 *   none missing is int64 (uint64 above the int64 range, text beyond that);
 * - else, if every present cell is a decimal number or `inf`, the column is float64; a value that
 *   is above the double range keeps the whole column as text (one below it is -inf);
 * - else, if every cell is `true`/`false` in any case, the column is bool (with missing cells it is
 *   an object column of booleans and NaN);
 * - else the column holds the text verbatim (NaN for missing cells).
 * Duplicate header names are renamed `a.1`, `a.2`, … and empty ones `Unnamed: <i>`, as pandas does;
 * when the first record has more fields than the header, the extra leading fields become the index.
 */
import { decodeUtf8 } from "../_internal/text.js";
import { SubmissionError, type Issue } from "../errors.js";
import { Column, type Cell } from "./column.js";
import { DtypeInference, parseBool, parseFloatText } from "./dtype.js";
import { PANDAS_NA_VALUES } from "./scalars.js";
import { CsvParseFailure, fieldText, tokenizeCsv, type CsvTokens } from "./tokenize.js";

export interface ReadCsvOptions {
  /** Name used in error messages (a file name such as `submission.csv`). */
  file?: string;
  /** Cell texts read as missing; defaults to pandas' list. */
  naValues?: ReadonlySet<string>;
}

export class Frame {
  readonly columns: readonly Column[];
  readonly length: number;
  /** Name of the file the frame was read from, for messages. */
  readonly file: string | undefined;
  /** 1-based line on which each row of the file starts (absent for frames not read from text). */
  readonly lines: Int32Array | undefined;
  private readonly byName: Map<string, Column>;

  constructor(columns: Column[], options: { file?: string; lines?: Int32Array; length?: number } = {}) {
    this.columns = columns;
    this.length = options.length ?? columns[0]?.length ?? 0;
    this.file = options.file;
    this.lines = options.lines;
    this.byName = new Map(columns.map((c) => [c.name, c]));
  }

  /** Reads CSV text (or UTF-8 bytes) the way pandas does. Throws SubmissionError on unreadable input. */
  static fromCsv(input: string | Uint8Array, options: ReadCsvOptions = {}): Frame {
    const text = typeof input === "string" ? input : decodeStrict(input, options.file);
    let tokens: CsvTokens;
    try {
      tokens = tokenizeCsv(text);
    } catch (error) {
      if (error instanceof CsvParseFailure) {
        throw new SubmissionError("PARSE_ERROR", locate(options.file, error.line, `not a readable CSV: ${error.message}`), {
          issues: [{ code: "PARSE_ERROR", message: error.message, file: options.file, line: error.line }],
          upstream: "error",
        });
      }
      throw error;
    }
    return frameFromTokens(tokens, options);
  }

  /** Builds a frame from columns of JavaScript values (numbers, strings, booleans, null for missing). */
  static fromRecord(record: Record<string, ArrayLike<number | string | boolean | null>>): Frame {
    const columns = Object.entries(record).map(([name, values]) => columnFromValues(name, Array.from(values)));
    return new Frame(columns);
  }

  get columnNames(): string[] {
    return this.columns.map((c) => c.name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The named column; throws if absent (graders check presence first). */
  col(name: string): Column {
    const column = this.byName.get(name);
    if (!column) throw new Error(`no column "${name}"`);
    return column;
  }

  /** 1-based data row number of row i of the file, and the line it starts on, for messages. */
  locate(row: number): { row: number; line?: number } {
    return { row: row + 1, line: this.lines ? this.lines[row] : undefined };
  }

  /** An issue located at a row (a source row index from {@link Column.sourceRow}) and column. */
  issueAt(code: Issue["code"], sourceRow: number, column: string | undefined, message: string, extra: Partial<Issue> = {}): Issue {
    return { code, message, file: this.file, column, ...this.locate(sourceRow), ...extra };
  }

  /** The rows in the given order (`iloc[order]`), keeping each row's origin for messages. */
  take(order: ArrayLike<number>): Frame {
    // Columns read together share their source rows: map them once.
    const taken = new Map<Int32Array | undefined, Int32Array>();
    const columns = this.columns.map((c) => {
      let sourceRows = taken.get(c.sourceRows);
      if (!sourceRows) {
        sourceRows = new Int32Array(order.length);
        for (let k = 0; k < order.length; k++) sourceRows[k] = c.sourceRow(order[k]!);
        taken.set(c.sourceRows, sourceRows);
      }
      return c.take(order, sourceRows);
    });
    return new Frame(columns, { file: this.file, lines: this.lines, length: order.length });
  }

  /** A frame with only these columns, in this order (`df[names]`). */
  select(names: readonly string[]): Frame {
    return new Frame(names.map((n) => this.col(n)), { file: this.file, lines: this.lines, length: this.length });
  }

  /** Rows sorted by one column, as `sort_values(name)` orders them (stable for ties). */
  sortBy(name: string): Frame {
    const order = this.col(name).argsort();
    for (let i = 0; i < order.length; i++) if (order[i] !== i) return this.take(order);
    return this; // already in order
  }

  /** Rows where mask is true (`df[mask]`). */
  filter(mask: ArrayLike<boolean | number>): Frame {
    const order: number[] = [];
    for (let i = 0; i < this.length; i++) if (mask[i]) order.push(i);
    return this.take(order);
  }
}

function locate(file: string | undefined, line: number, message: string): string {
  return `${file ?? "input"} line ${line}: ${message}`;
}

/**
 * Longest input read into memory at once: JavaScript strings hold at most 2^29 - 24 UTF-16 units
 * (V8), and UTF-8 never decodes to more units than it has bytes.
 */
export const MAX_CSV_BYTES = 2 ** 29 - 24;

/** The error for an input of `bytes` bytes, beyond {@link MAX_CSV_BYTES}. */
export function tooLargeError(bytes: number, file: string | undefined): SubmissionError {
  const received = `${bytes} bytes`;
  const expected = `at most ${MAX_CSV_BYTES} bytes`;
  return new SubmissionError("TOO_LARGE", `${file ?? "input"}: expected ${expected} to read into memory, got ${received}`, {
    issues: [{ code: "TOO_LARGE", message: `expected ${expected} to read into memory, got ${received}`, file, expected, received }],
    upstream: "invalid",
  });
}

function decodeStrict(bytes: Uint8Array, file: string | undefined): string {
  if (bytes.length > MAX_CSV_BYTES) throw tooLargeError(bytes.length, file);
  try {
    return decodeUtf8(bytes, true);
  } catch {
    // Find the first undecodable byte so the message can point at its line.
    const lenient = decodeUtf8(bytes);
    const offset = lenient.indexOf("\ufffd");
    const line = offset < 0 ? 1 : lenient.slice(0, offset).split("\n").length;
    throw new SubmissionError("ENCODING_ERROR", locate(file, line, "expected UTF-8 text, got bytes that are not valid UTF-8"), {
      issues: [{ code: "ENCODING_ERROR", message: "expected UTF-8 text, got bytes that are not valid UTF-8", file, line, expected: "UTF-8" }],
      upstream: "error",
    });
  }
}

function frameFromTokens(tokens: CsvTokens, options: ReadCsvOptions): Frame {
  const file = options.file;
  if (tokens.header.length === 0) return new Frame([], { file, lines: new Int32Array(0), length: 0 });
  const naValues = options.naValues ?? PANDAS_NA_VALUES;
  const names = dedupeHeader(tokens.header);
  const width = names.length;
  const rows = tokens.recordCount;
  const { recordStart, recordLine } = tokens;

  // pandas makes the extra leading fields of the first record an index when it is longer than the header.
  const firstWidth = rows > 0 ? recordStart[1]! - recordStart[0]! : width;
  const indexWidth = Math.max(0, firstWidth - width);
  const maxWidth = width + indexWidth;
  for (let r = 0; r < rows; r++) {
    const count = recordStart[r + 1]! - recordStart[r]!;
    if (count > maxWidth) {
      const line = recordLine[r]!;
      const message = `expected ${maxWidth} fields, saw ${count}`;
      throw new SubmissionError("PARSE_ERROR", locate(file, line, `not a readable CSV: ${message}`), {
        issues: [{ code: "PARSE_ERROR", message, file, line, row: r + 1, expected: `${maxWidth} fields`, received: `${count} fields` }],
        upstream: "error",
      });
    }
  }

  // Plain numeric columns straight from the text (only with pandas' own missing-value spellings:
  // none of them is a plain number, and "" is one); the rest through the general typing.
  const numbers = naValues === PANDAS_NA_VALUES && rows > 0 ? plainNumberColumns(tokens, indexWidth, width) : [];
  const columns: Column[] = [];
  for (let c = 0; c < width; c++) {
    const fast = numbers[c];
    columns.push(fast ? new Column({ name: names[c]!, dtype: fast.dtype, values: fast.values }) : typeColumn(names[c]!, tokens, c + indexWidth, naValues));
  }
  return new Frame(columns, { file, lines: recordLine, length: rows });
}

/** pandas' header renaming: `Unnamed: i` for empty names, then `.1`, `.2` … for repeats (named first). */
export function dedupeHeader(raw: readonly string[]): string[] {
  const names = raw.map((name, i) => (name === "" ? `Unnamed: ${i}` : name));
  const unnamed = raw.map((name, i) => (name === "" ? i : -1)).filter((i) => i >= 0);
  const order = [...names.keys()].filter((i) => raw[i] !== "").concat(unnamed);
  const present = new Set(names);
  const counts = new Map<string, number>();
  for (const i of order) {
    const original = names[i]!;
    let name = original;
    let count = counts.get(name) ?? 0;
    while (count > 0) {
      counts.set(original, count + 1);
      name = `${original}.${count}`;
      count = present.has(name) ? count + 1 : (counts.get(name) ?? 0);
    }
    names[i] = name;
    counts.set(name, count + 1);
  }
  return names;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MIN_FLOAT = -(2 ** 63);

/** Types one column from its field texts as pandas' C parser does (see dtype.ts). */
function typeColumn(name: string, tokens: CsvTokens, position: number, naValues: ReadonlySet<string>): Column {
  const rows = tokens.recordCount;
  const { text, recordStart, fieldStart, fieldEnd, special } = tokens;
  const texts = new Array<string>(rows);
  const missing = new Uint8Array(rows);
  const inference = new DtypeInference();
  // Once the column is text for sure, cells are only checked for missing-value spellings, which
  // needs no string for a cell longer than the longest spelling or starting with another character.
  let longestNa = 0;
  const naStart = new Uint8Array(65536);
  for (const na of naValues) {
    longestNa = Math.max(longestNa, na.length);
    if (na.length > 0) naStart[na.charCodeAt(0)] = 1;
  }
  let settled = false;
  for (let r = 0; r < rows; r++) {
    const field = recordStart[r]! + position;
    const present = field < recordStart[r + 1]!;
    if (settled && present && !special.has(field)) {
      const length = fieldEnd[field]! - fieldStart[field]!;
      if (length > longestNa || (length > 0 && !naStart[text.charCodeAt(fieldStart[field]!)])) continue;
    }
    const cell = present ? fieldText(tokens, field) : "";
    const isMissing = naValues.has(cell);
    if (isMissing) missing[r] = 1;
    if (settled) continue;
    texts[r] = cell;
    inference.add(cell, isMissing);
    settled = inference.settled;
  }
  const { dtype, naFiltered, booleans, integers } = inference.decide();
  switch (dtype) {
    case "int64":
    case "uint64": {
      const values = new Float64Array(rows);
      const bigValues = new Map<number, bigint>();
      for (let r = 0; r < rows; r++) {
        const value = Number(texts[r]!.trim());
        values[r] = value === 0 ? 0 : value;
        if (!Number.isSafeInteger(value)) bigValues.set(r, BigInt(texts[r]!.trim()));
      }
      return new Column({ name, dtype, values, bigValues });
    }
    case "float64": {
      const values = new Float64Array(rows);
      for (let r = 0; r < rows; r++) {
        const value = missing[r] ? NaN : parseFloatText(texts[r]!)!;
        // Integers with missing cells are read as int64 first, the missing ones marked with int64's
        // minimum, then cast: no negative zero, and a real -2^63 turns into NaN as well.
        values[r] = !integers ? value : value === 0 ? 0 : value === INT64_MIN_FLOAT && BigInt(texts[r]!.trim()) === INT64_MIN ? NaN : value;
      }
      return new Column({ name, dtype, values });
    }
    case "bool": {
      const values = new Float64Array(rows);
      for (let r = 0; r < rows; r++) values[r] = parseBool(texts[r]!) ? 1 : 0;
      return new Column({ name, dtype, values });
    }
    default: {
      if (naFiltered && !booleans) {
        // Text: kept as slices of the file's text (see TextSlices).
        const start = new Int32Array(rows);
        const end = new Int32Array(rows);
        let unescaped: Map<number, string> | undefined;
        for (let r = 0; r < rows; r++) {
          if (missing[r]) {
            start[r] = -1;
            continue;
          }
          const field = recordStart[r]! + position;
          if (field >= recordStart[r + 1]!) continue; // an absent field reads as "" (start = end = 0)
          start[r] = fieldStart[field]!;
          end[r] = fieldEnd[field]!;
          const value = special.get(field);
          if (value !== undefined) (unescaped ??= new Map()).set(r, value);
        }
        return new Column({ name, dtype: "object", slices: { text, start, end, special: unescaped } });
      }
      const cells = new Array<Cell>(rows);
      for (let r = 0; r < rows; r++) {
        const text = texts[r]!;
        cells[r] = naFiltered && missing[r] ? NaN : booleans ? parseBool(text)! : text;
      }
      return new Column({ name, dtype: "object", cells });
    }
  }
}

/**
 * The fast path of {@link typeColumn} for the commonest numeric columns, read straight from the
 * text's character codes without a string per cell, all columns in one pass over the rows: a
 * column qualifies when every cell is empty (missing) or a plain number
 * `[+-]digits[.digits][e[+-]digits]` with nothing around it. Integers below 2^53 in magnitude
 * make an int64 column (float64 with missing cells, without −0, as pandas' int64 stage gives);
 * any other plain number makes the column float64, parsed exactly as `Number()` does. Entry c is
 * undefined for a column left to the general path: other missing-value spellings, blanks, quotes
 * that needed unescaping, `inf`, longer integers, values above the double range, booleans, text.
 */
function plainNumberColumns(tokens: CsvTokens, first: number, width: number): ({ dtype: "int64" | "float64"; values: Float64Array } | undefined)[] {
  const { text, recordStart, fieldStart, fieldEnd, special } = tokens;
  const rows = tokens.recordCount;
  const values = Array.from({ length: width }, () => new Float64Array(rows));
  // Per column: 1 while it may still be plain numbers; whether it holds non-integers, missing cells, -0.
  const open = new Uint8Array(width).fill(1);
  const fractional = new Uint8Array(width);
  const missing = new Uint8Array(width);
  const negativeZero = new Uint8Array(width);
  let remaining = width;
  const checkSpecial = special.size > 0;
  for (let r = 0; r < rows && remaining > 0; r++) {
    const base = recordStart[r]! + first;
    const present = recordStart[r + 1]! - base;
    for (let c = 0; c < width; c++) {
      if (open[c] === 0) continue;
      const field = base + c;
      const unescaped = c < present && checkSpecial && special.has(field);
      if (!unescaped && (c >= present || fieldStart[field] === fieldEnd[field])) {
        values[c]![r] = NaN;
        missing[c] = 1;
        continue;
      }
      const value = unescaped ? NaN : plainNumber(text, fieldStart[field]!, fieldEnd[field]!);
      if (value !== value) {
        open[c] = 0;
        remaining--;
        continue;
      }
      values[c]![r] = value;
      if (!scanned.integer) fractional[c] = 1;
      else if (value === 0 && 1 / value < 0) negativeZero[c] = 1;
    }
  }
  return values.map((column, c) => {
    if (open[c] === 0) return undefined;
    if (fractional[c]) return { dtype: "float64", values: column };
    // Integers: no -0 (pandas reads them as int64 first).
    if (negativeZero[c]) for (let r = 0; r < rows; r++) if (column[r] === 0) column[r] = 0;
    return { dtype: missing[c] ? "float64" : "int64", values: column };
  });
}

const POWERS_OF_TEN = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const TWO_TO_53 = 2 ** 53;

/** What {@link plainNumber} last read: an integer (no point, no exponent) or not. */
const scanned = { integer: false };

/**
 * The value of text[start, end) when it is a plain number (see {@link plainNumberColumns}), else
 * NaN. Integers must be below 2^53 in magnitude; a value above the double range is NaN too (pandas
 * keeps that column as text). Exact: Clinger's fast path when the digits and the power of ten are
 * exact doubles, `parseFloat` on the field otherwise.
 */
function plainNumber(text: string, start: number, end: number): number {
  let i = start;
  // The character after a field is a delimiter, a quote or the end, so the digit loops stop there.
  let c = text.charCodeAt(i);
  const negative = c === 45;
  if (negative || c === 43) c = text.charCodeAt(++i);
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  while (c >= 48 && c <= 57) {
    mantissa = mantissa * 10 + (c - 48);
    digits++;
    c = text.charCodeAt(++i);
  }
  let integer = true;
  if (c === 46) {
    integer = false;
    c = text.charCodeAt(++i);
    while (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      scale++;
      c = text.charCodeAt(++i);
    }
  }
  if (digits === 0) return NaN;
  let exponent = 0;
  if (c === 101 || c === 69) {
    integer = false;
    c = text.charCodeAt(++i);
    const negativeExponent = c === 45;
    if (negativeExponent || c === 43) c = text.charCodeAt(++i);
    const from = i;
    while (c >= 48 && c <= 57 && i - from < 6) {
      exponent = exponent * 10 + (c - 48);
      c = text.charCodeAt(++i);
    }
    if (i === from) return NaN;
    if (negativeExponent) exponent = -exponent;
  }
  if (i !== end) return NaN;
  scanned.integer = integer;
  // The running mantissa only grows, so below 2^53 every step of it was exact.
  if (integer) {
    if (mantissa >= TWO_TO_53) return NaN;
    return negative ? -mantissa : mantissa;
  }
  const power = exponent - scale;
  if (mantissa < TWO_TO_53 && power >= -22 && power <= 22) {
    const value = power < 0 ? mantissa / POWERS_OF_TEN[-power]! : mantissa * POWERS_OF_TEN[power]!;
    return negative ? -value : value;
  }
  const value = parseFloat(text.slice(start, end));
  return value === Infinity ? NaN : value;
}

function columnFromValues(name: string, values: (number | string | boolean | null)[]): Column {
  if (values.every((v) => typeof v === "number" || v === null)) {
    const numbers = Float64Array.from(values as (number | null)[], (v) => (v === null ? NaN : v));
    const integral = values.every((v) => v !== null && Number.isInteger(v));
    return new Column({ name, dtype: integral ? "int64" : "float64", values: numbers });
  }
  if (values.every((v) => typeof v === "boolean")) {
    return new Column({ name, dtype: "bool", values: Float64Array.from(values as boolean[], (v) => (v ? 1 : 0)) });
  }
  return new Column({ name, dtype: "object", cells: values.map((v): Cell => (v === null ? NaN : v)) });
}
