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
import {
  PANDAS_NA_VALUES,
  integerRange,
  isIntegerText,
  parseBool,
  parseFloatText,
} from "./scalars.js";
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
    return new Frame(this.columns.map((c) => c.take(order)), { file: this.file, lines: this.lines, length: order.length });
  }

  /** A frame with only these columns, in this order (`df[names]`). */
  select(names: readonly string[]): Frame {
    return new Frame(names.map((n) => this.col(n)), { file: this.file, lines: this.lines, length: this.length });
  }

  /** Rows sorted by one column, as `sort_values(name)` orders them (stable for ties). */
  sortBy(name: string): Frame {
    return this.take(this.col(name).argsort());
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

function decodeStrict(bytes: Uint8Array, file: string | undefined): string {
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

  const columns: Column[] = [];
  for (let c = 0; c < width; c++) {
    columns.push(typeColumn(names[c]!, tokens, c + indexWidth, naValues));
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

/**
 * Types one column from its field texts, following pandas' int → float → bool → object order. The
 * integer stages scan the cells in order and stop at the first failure, as pandas' C parser does:
 * - int64: a cell that is not an integer sends the column to the float stage; an integer outside
 *   int64 (before any such cell) sends it to the uint64 stage; missing cells make it float64;
 * - uint64: any cell starting with `-` marks a negative, a missing cell marks a null, a value above
 *   2^64 - 1 makes the column text, a non-integer sends it to the float stage; values above int64
 *   together with negatives or nulls make the column text *without* missing-value detection (an
 *   empty cell stays ""), negatives alone make it text, values above int64 alone make it uint64.
 */
function typeColumn(name: string, tokens: CsvTokens, position: number, naValues: ReadonlySet<string>): Column {
  const rows = tokens.recordCount;
  const raw = new Array<string>(rows);
  const texts = new Array<string | null>(rows);
  let missing = 0;
  let allBool = true;
  for (let r = 0; r < rows; r++) {
    const start = tokens.recordStart[r]!;
    const field = start + position;
    const text = field < tokens.recordStart[r + 1]! ? fieldText(tokens, field) : "";
    raw[r] = text;
    if (naValues.has(text)) {
      texts[r] = null;
      missing++;
      continue;
    }
    texts[r] = text;
    if (allBool && parseBool(text) === undefined) allBool = false;
  }
  const present = rows - missing;

  if (rows === 0) return new Column({ name, dtype: "object", cells: [] });
  if (present === 0) return new Column({ name, dtype: "float64", values: new Float64Array(rows).fill(NaN) });

  const integers = integerStage(texts);
  if (integers === "int64" || integers === "uint64") {
    if (missing > 0) {
      // pandas marks missing integers with INT64_MIN before casting to float, so that value is NaN too.
      const column = floatColumn(name, texts)!;
      for (let r = 0; r < rows; r++) {
        if (column.values![r] === INT64_MIN_FLOAT && BigInt(texts[r]!.trim()) === INT64_MIN) column.values![r] = NaN;
      }
      return column;
    }
    const values = new Float64Array(rows);
    const bigValues = new Map<number, bigint>();
    for (let r = 0; r < rows; r++) {
      const value = Number(texts[r]!.trim());
      values[r] = value === 0 ? 0 : value;
      if (!Number.isSafeInteger(value)) bigValues.set(r, BigInt(texts[r]!.trim()));
    }
    return new Column({ name, dtype: integers, values, bigValues });
  }
  if (integers === "text") return objectColumn(name, texts);
  if (integers === "raw-text") return objectColumn(name, raw);

  const floats = floatColumn(name, texts);
  if (floats) return floats;

  if (allBool) {
    if (missing === 0) {
      const values = new Float64Array(rows);
      for (let r = 0; r < rows; r++) values[r] = parseBool(texts[r]!) ? 1 : 0;
      return new Column({ name, dtype: "bool", values });
    }
    const cells = texts.map((t): Cell => (t === null ? NaN : parseBool(t)!));
    return new Column({ name, dtype: "object", cells });
  }
  return objectColumn(name, texts);
}

const LEADING_ASCII_SPACE = /^[ \t\n\v\f\r]*/;
const INT64_MIN = -(2n ** 63n);
const INT64_MIN_FLOAT = -(2 ** 63);
const UINT64_MAX = 2n ** 64n - 1n;

/** pandas' integer stages (see {@link typeColumn}): the column's integer dtype, or what to do instead. */
function integerStage(texts: readonly (string | null)[]): "int64" | "uint64" | "not-integer" | "text" | "raw-text" {
  let overflow = false;
  for (const text of texts) {
    if (text === null) continue;
    if (!isIntegerText(text)) return "not-integer";
    if (integerRange(text) !== "int64") {
      overflow = true;
      break;
    }
  }
  if (!overflow) return "int64";
  let seenNull = false;
  let seenNegative = false;
  let seenUnsigned = false;
  for (const text of texts) {
    if (text === null) {
      seenNull = true;
      continue;
    }
    if (text.replace(LEADING_ASCII_SPACE, "").startsWith("-")) {
      seenNegative = true;
      continue;
    }
    if (!isIntegerText(text)) return "not-integer";
    const value = BigInt(text.trim());
    if (value > UINT64_MAX) return "text";
    if (integerRange(text) === "uint64") seenUnsigned = true;
  }
  if (seenUnsigned && (seenNegative || seenNull)) return "raw-text";
  return seenNegative ? "text" : "uint64";
}

/** The column as float64 if every present cell reads as a float (missing cells are NaN), else undefined. */
function floatColumn(name: string, texts: readonly (string | null)[]): Column | undefined {
  const values = new Float64Array(texts.length);
  for (let r = 0; r < texts.length; r++) {
    const text = texts[r];
    if (text === null) {
      values[r] = NaN;
      continue;
    }
    const value = parseFloatText(text);
    if (value === undefined) return undefined;
    values[r] = value;
  }
  return new Column({ name, dtype: "float64", values });
}

function objectColumn(name: string, texts: readonly (string | null)[]): Column {
  return new Column({ name, dtype: "object", cells: texts.map((t): Cell => (t === null ? NaN : t)) });
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
