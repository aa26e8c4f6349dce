/**
 * The dtype `pandas.read_csv` gives a column, decided one cell at a time so that both the
 * in-memory reader and the streaming validator (which never holds a whole column) can use it.
 *
 * pandas' C parser tries int64, then float64, then bool, then object, each over the whole column
 * in file order, stopping at the first cell a conversion rejects. The int64 attempt distinguishes
 * two failures: a cell that is not an integer sends the column on to float64, but an integer whose
 * digits overflow int64 (even with junk after them) sends it to a uint64 attempt first, whose
 * outcome can keep the column as text. So the order of cells matters: `1e30-digit, 1.5` is text,
 * `1.5, 1e30-digit` is float64. The uint64 attempt rejects a column that mixes values above
 * int64 with negative numbers or missing cells; that column is kept as text with even the
 * missing-value spellings unconverted (`"NA"` stays the string "NA"). Each rule here was checked
 * against pandas (`fixtures/pandas/read_csv.json`).
 */

export type InferredDtype = "int64" | "uint64" | "float64" | "bool" | "object";

export interface DtypeDecision {
  dtype: InferredDtype;
  /** False when pandas kept every cell's text, missing-value spellings included (see module doc). */
  naFiltered: boolean;
  /** An object column of booleans and NaN (a bool column with missing cells). */
  booleans?: boolean;
  /** A float64 column of integers and NaN (an int64 column with missing cells: no -0.0). */
  integers?: boolean;
}

const RUNNING = 0;
const INVALID = 1;
const OVERFLOW = 2;

const INT64_MAX = "9223372036854775807";
const INT64_MIN_MAGNITUDE = "9223372036854775808";
const UINT64_MAX = "18446744073709551615";

/** pandas' `isspace_ascii`: space, tab, LF, VT, FF, CR. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether digits text[from, to) (leading zeros allowed) exceed the decimal `limit`. */
function exceeds(text: string, from: number, to: number, limit: string): boolean {
  while (from < to - 1 && text.charCodeAt(from) === 48) from++;
  const length = to - from;
  if (length !== limit.length) return length > limit.length;
  return text.slice(from, to) > limit;
}

/**
 * How pandas' `str_to_int64` (or `str_to_uint64` when `unsigned`) ends on a cell: RUNNING for a
 * valid integer, INVALID, or OVERFLOW. Overflow is found while reading the digits, before any
 * trailing junk is looked at. For unsigned parsing a leading minus is reported as -1 (pandas notes
 * a signed value and stops reading the cell there).
 */
function scanInteger(text: string, unsigned: boolean): number {
  const n = text.length;
  let p = 0;
  while (p < n && isSpace(text.charCodeAt(p))) p++;
  let negative = false;
  const sign = text.charCodeAt(p);
  if (sign === 45) {
    if (unsigned) return -1;
    negative = true;
    p++;
  } else if (sign === 43) p++;
  const digits = p;
  while (p < n && isDigit(text.charCodeAt(p))) p++;
  if (p === digits) return INVALID;
  if (exceeds(text, digits, p, unsigned ? UINT64_MAX : negative ? INT64_MIN_MAGNITUDE : INT64_MAX)) return OVERFLOW;
  while (p < n && isSpace(text.charCodeAt(p))) p++;
  return p === n ? RUNNING : INVALID;
}

/** Whether a valid unsigned integer text is above int64's maximum. */
function aboveInt64(text: string): boolean {
  const trimmed = text.trim().replace(/^\+/, "");
  return exceeds(trimmed, 0, trimmed.length, INT64_MAX);
}

/** Fast path of {@link parseFloatText}: `[+-]digits[.digits][e[+-]digits]` with no blanks (Number() reads it the same). */
function isPlainDecimal(text: string): boolean {
  const n = text.length;
  let i = 0;
  let c = text.charCodeAt(0);
  if (c === 45 || c === 43) c = text.charCodeAt(++i);
  let digits = 0;
  while (isDigit(c)) {
    digits++;
    c = text.charCodeAt(++i);
  }
  if (c === 46) {
    c = text.charCodeAt(++i);
    while (isDigit(c)) {
      digits++;
      c = text.charCodeAt(++i);
    }
  }
  if (digits === 0) return false;
  if (c === 101 || c === 69) {
    c = text.charCodeAt(++i);
    if (c === 45 || c === 43) c = text.charCodeAt(++i);
    if (!isDigit(c)) return false;
    while (isDigit(c)) c = text.charCodeAt(++i);
  }
  return i === n;
}

const FLOAT_PATTERN = /^[\t\n\v\f\r ]*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[\t\n\v\f\r ]*$/;
const INF_PATTERN = /^[+-]?(?:inf|infinity)$/i;

/**
 * The float pandas reads from a cell with `float_precision="round_trip"` (correctly rounded, as
 * `Number()` is), or undefined when pandas would not read the cell as a number. ASCII blanks
 * around a decimal are allowed; `inf`/`infinity` (any case, optional sign) must stand alone. A
 * decimal above the double range is rejected, but one below it reads as -inf (pandas only checks
 * for +HUGE_VAL).
 */
export function parseFloatText(text: string): number | undefined {
  if (isPlainDecimal(text)) {
    const value = Number(text);
    return value === Infinity ? undefined : value;
  }
  const match = FLOAT_PATTERN.exec(text);
  if (match) {
    const value = Number(match[1]);
    if (value !== Infinity) return value;
  }
  if (INF_PATTERN.test(text)) return text.charCodeAt(0) === 45 ? -Infinity : Infinity;
  return undefined;
}

/** True for the spellings pandas reads as booleans: `true`/`false` in any letter case, nothing around. */
export function parseBool(text: string): boolean | undefined {
  if (text.length === 4 && text.toLowerCase() === "true") return true;
  if (text.length === 5 && text.toLowerCase() === "false") return false;
  return undefined;
}

/** Follows pandas' conversion attempts over a column's cells, in file order. */
export class DtypeInference {
  rows = 0;
  missing = 0;
  private intState = RUNNING;
  private uintState = RUNNING;
  private seenSigned = false;
  private seenUnsigned = false;
  private floatOk = true;
  private boolOk = true;

  /** Adds the next cell: its text and whether it is a missing-value spelling. */
  add(text: string, missing: boolean): void {
    this.rows++;
    if (missing) {
      this.missing++;
      return;
    }
    if (this.boolOk && parseBool(text) === undefined) this.boolOk = false;
    if (this.intState === RUNNING) {
      const state = scanInteger(text, false);
      if (state === RUNNING) {
        // What the uint64 attempt would note, should it be needed.
        if (!this.seenSigned && text.trimStart().charCodeAt(0) === 45) this.seenSigned = true;
        return;
      }
      this.intState = state;
    }
    // From the cell where the int64 attempt stopped on, later attempts must look at each cell.
    if (this.intState === OVERFLOW && this.uintState === RUNNING) {
      const state = scanInteger(text, true);
      if (state === -1) this.seenSigned = true;
      else if (state !== RUNNING) this.uintState = state;
      else if (!this.seenUnsigned && aboveInt64(text)) this.seenUnsigned = true;
    }
    if (this.floatOk && parseFloatText(text) === undefined) this.floatOk = false;
  }

  /** The dtype pandas gives the column of the cells added so far. */
  decide(): DtypeDecision {
    if (this.rows === 0) return { dtype: "object", naFiltered: true };
    if (this.intState === RUNNING) return this.missing > 0 ? { dtype: "float64", naFiltered: true, integers: true } : { dtype: "int64", naFiltered: true };
    if (this.intState === OVERFLOW) {
      if (this.uintState === OVERFLOW) return { dtype: "object", naFiltered: true };
      if (this.uintState === RUNNING) {
        if (this.seenUnsigned && (this.seenSigned || this.missing > 0)) return { dtype: "object", naFiltered: false };
        return this.seenSigned ? { dtype: "object", naFiltered: true } : { dtype: "uint64", naFiltered: true };
      }
    }
    if (this.floatOk) return { dtype: "float64", naFiltered: true };
    if (this.boolOk) return this.missing > 0 ? { dtype: "object", naFiltered: true, booleans: true } : { dtype: "bool", naFiltered: true };
    return { dtype: "object", naFiltered: true };
  }
}
