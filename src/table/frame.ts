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

const INT64_MIN = -(2n ** 63n);
const INT64_MIN_FLOAT = -(2 ** 63);

/** Types one column from its field texts as pandas' C parser does (see dtype.ts). */
function typeColumn(name: string, tokens: CsvTokens, position: number, naValues: ReadonlySet<string>): Column {
  const rows = tokens.recordCount;
  const texts = new Array<string>(rows);
  const missing = new Uint8Array(rows);
  const inference = new DtypeInference();
  for (let r = 0; r < rows; r++) {
    const field = tokens.recordStart[r]! + position;
    const text = field < tokens.recordStart[r + 1]! ? fieldText(tokens, field) : "";
    texts[r] = text;
    const isMissing = naValues.has(text);
    if (isMissing) missing[r] = 1;
    inference.add(text, isMissing);
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
      const cells = new Array<Cell>(rows);
      for (let r = 0; r < rows; r++) {
        const text = texts[r]!;
        cells[r] = naFiltered && missing[r] ? NaN : booleans ? parseBool(text)! : text;
      }
      return new Column({ name, dtype: "object", cells });
    }
  }
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
