/**
 * Class labels as the classification graders convert them before scoring: Python's `int()` on each
 * cell (herbarium, iwildcam-2019), the first whitespace-separated token of a ranked list
 * (inaturalist-2019), and the pandas/numpy conversions in between.
 */
import type { Answers } from "../competitions/define.js";
import { AnswersError } from "../errors.js";
import type { Column } from "../table/column.js";
import { Frame } from "../table/frame.js";
import { PY_WHITESPACE, pythonSplit, unicodeDigitValue } from "../table/scalars.js";
import { failCells, requireColumns, requireSameLength, requireSameSortedIds } from "./checks.js";
import { answersTable } from "./prepare.js";

const EDGES = new RegExp(`^[${PY_WHITESPACE}]+|[${PY_WHITESPACE}]+$`, "g");
const PY_INT = /^[+-]?\p{Nd}(?:_?\p{Nd})*$/u;
const DIGIT = /\p{Nd}/u;

/**
 * Python's `int(text)` in base 10: blanks around are ignored, digits may be grouped by single
 * underscores and may be any Unicode decimal digits (`int("١٢") == 12`). Undefined where Python
 * raises ValueError (`"1.5"`, `"1e3"`, `"3 5"`, `""`).
 */
export function pythonInt(text: string): number | undefined {
  const trimmed = text.replace(EDGES, "");
  if (!PY_INT.test(trimmed)) return undefined;
  let value = 0;
  for (const char of trimmed) {
    if (!DIGIT.test(char)) continue;
    value = value * 10 + unicodeDigitValue(char);
  }
  return trimmed.startsWith("-") && value !== 0 ? -value : value;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Whether Python's `int()` of this cell falls outside int64. numpy then turns the list of labels
 * into floats or Python objects, which scikit-learn rejects ("continuous" or "unknown" targets), so
 * MLE-bench crashes. `value` is the (possibly rounded) number already read from the cell.
 */
function outsideInt64(value: number, exact: () => bigint | undefined): boolean {
  if (Math.abs(value) < 2 ** 62) return false;
  const big = exact() ?? BigInt(value);
  return big < INT64_MIN || big > INT64_MAX;
}

/** The exact integer of a text Python's `int()` accepts (digits of any script, as {@link pythonInt}). */
function exactPythonInt(text: string): bigint {
  let digits = "";
  for (const char of text.replace(EDGES, "")) if (DIGIT.test(char)) digits += String(unicodeDigitValue(char));
  const value = BigInt(digits);
  return text.replace(EDGES, "").startsWith("-") ? -value : value;
}

type Role = "submission" | "answers";

/** Fails on the given cells: a submission error (MLE-bench crashes on it) or an answers error. */
function reject(frame: Frame, column: Column, rows: number[], code: "MISSING_VALUE" | "NON_FINITE" | "NON_INTEGER" | "OUT_OF_RANGE", expected: string, role: Role): never {
  if (role === "answers") throw new AnswersError(`answers column "${column.name}": expected ${expected} in every row, got ${rows.length} other values`);
  failCells(frame, column, rows, code, expected, "error");
}

/**
 * `[int(v) for v in frame[column]]`: integers stay, booleans become 0/1, floats are truncated
 * toward zero (`int(3.7) == 3`), text goes through {@link pythonInt}. NaN (ValueError), infinity
 * (OverflowError) and text Python cannot read all make MLE-bench crash.
 */
export function pythonIntsOf(frame: Frame, column: Column, role: Role = "submission"): Float64Array {
  const out = new Float64Array(column.length);
  const missing: number[] = [];
  const infinite: number[] = [];
  const bad: number[] = [];
  const huge: number[] = [];
  for (let i = 0; i < column.length; i++) {
    const cell = column.get(i);
    if (typeof cell === "boolean") out[i] = cell ? 1 : 0;
    else if (typeof cell === "number") {
      if (Number.isNaN(cell)) missing.push(i);
      else if (!Number.isFinite(cell)) infinite.push(i);
      else if (outsideInt64(cell, () => column.bigValues?.get(i))) huge.push(i);
      else out[i] = Math.trunc(cell) + 0;
    } else {
      const value = pythonInt(cell);
      if (value === undefined) bad.push(i);
      else if (outsideInt64(value, () => exactPythonInt(cell))) huge.push(i);
      else out[i] = value;
    }
  }
  if (missing.length > 0) reject(frame, column, missing, "MISSING_VALUE", "an integer class id", role);
  if (infinite.length > 0) reject(frame, column, infinite, "NON_FINITE", "an integer class id", role);
  if (bad.length > 0) reject(frame, column, bad, "NON_INTEGER", "an integer class id", role);
  if (huge.length > 0) reject(frame, column, huge, "OUT_OF_RANGE", "an integer class id within the 64-bit range", role);
  return out;
}

/**
 * The first label of each space-separated list, as inaturalist-2019's grader takes it:
 * `v if isinstance(v, int) else int(v.split()[0])`. An int64 or bool column is used as it is; a
 * float column (any decimal or empty cell) has no `.split` and crashes MLE-bench, as do an empty
 * cell among text, a blank cell and a first token that is not an integer.
 */
export function firstLabelsOf(frame: Frame, column: Column): Float64Array {
  if (column.dtype === "float64") {
    const missing: number[] = [];
    for (let i = 0; i < column.length; i++) if (column.isMissing(i)) missing.push(i);
    const expected = "a space-separated list of integer class ids (a column with decimals or empty cells is read as numbers and cannot be split)";
    if (missing.length > 0) failCells(frame, column, missing, "MISSING_VALUE", expected, "error");
    failCells(frame, column, Array.from({ length: column.length }, (_, i) => i), "NON_INTEGER", expected, "error");
  }
  const huge: number[] = [];
  if (column.values) {
    if (column.dtype === "uint64") for (let i = 0; i < column.length; i++) if (outsideInt64(column.values[i]!, () => column.bigValues?.get(i))) huge.push(i);
    if (huge.length > 0) failCells(frame, column, huge, "OUT_OF_RANGE", "an integer class id within the 64-bit range", "error");
    return column.values;
  }
  const out = new Float64Array(column.length);
  const missing: number[] = [];
  const bad: number[] = [];
  for (let i = 0; i < column.length; i++) {
    const cell = column.get(i);
    if (typeof cell === "boolean") out[i] = cell ? 1 : 0;
    else if (typeof cell === "number") missing.push(i);
    else {
      const first = pythonSplit(cell)[0];
      const value = first === undefined ? undefined : pythonInt(first);
      if (value === undefined) bad.push(i);
      else if (outsideInt64(value, () => exactPythonInt(first!))) huge.push(i);
      else out[i] = value;
    }
  }
  if (missing.length > 0) failCells(frame, column, missing, "MISSING_VALUE", "a space-separated list of integer class ids", "error");
  if (bad.length > 0) failCells(frame, column, bad, "NON_INTEGER", "a space-separated list starting with an integer class id", "error");
  if (huge.length > 0) failCells(frame, column, huge, "OUT_OF_RANGE", "an integer class id within the 64-bit range", "error");
  return out;
}

/** The frame with one column renamed, for a submission that uses the column name Kaggle's description shows. */
export function renameColumn(frame: Frame, from: string, to: string): Frame {
  const columns = frame.columns.map((column) => (column.name === from ? column.rename(to) : column));
  return new Frame(columns, { file: frame.file, lines: frame.lines, length: frame.length });
}

/**
 * The row matching of the herbarium, iwildcam-2019 and inaturalist-2019 graders: same length,
 * both columns present, ids equal after sorting both sides; then `int()` of every answer and the
 * submission's labels converted by `predictions` (default {@link pythonIntsOf}), in id order.
 */
export function prepareClassIds(
  submission: Frame,
  answers: Answers,
  idColumn: string,
  targetColumn: string,
  predictions: (frame: Frame, column: Column) => Float64Array = pythonIntsOf,
): { yTrue: Float64Array; yPred: Float64Array } {
  const ans = answersTable(answers, [idColumn, targetColumn]);
  requireSameLength(submission, ans);
  requireColumns(submission, [idColumn, targetColumn]);
  const sub = submission.sortBy(idColumn);
  const sortedAnswers = ans.sortBy(idColumn);
  requireSameSortedIds(sub, sortedAnswers, idColumn);
  const yTrue = pythonIntsOf(sortedAnswers, sortedAnswers.col(targetColumn), "answers");
  return { yTrue, yPred: predictions(sub, sub.col(targetColumn)) };
}
