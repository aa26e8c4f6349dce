/**
 * Column checks shared by the regression and correlation graders: scikit-learn's `check_array` on
 * one column, numpy/pandas dtype tests, and the numpy conversions the graders rely on.
 */
import type { UpstreamOutcome } from "../errors.js";
import type { Column } from "../table/column.js";
import type { Frame } from "../table/frame.js";
import { compareCodePoints } from "../table/scalars.js";
import { fail, failCells, requireFinite } from "./checks.js";
import { floatsOf } from "./prepare.js";

/**
 * A column as scikit-learn's `check_array` accepts it (MLE-bench crashes otherwise): text through
 * Python's `float()` (NON_NUMERIC), then no NaN (MISSING_VALUE) and no infinity (NON_FINITE).
 */
export function sklearnFloats(frame: Frame, column: Column): Float64Array {
  const values = floatsOf(frame, column);
  requireFinite(frame, column, values);
  return values;
}

/**
 * The column's dtype must be numeric, as `np.issubdtype(dtype, np.number)` (booleans excluded) or
 * pandas' `is_numeric_dtype` (booleans included) says. A text column, or an empty one, fails.
 */
export function requireNumericDtype(frame: Frame, column: Column, options: { bool: boolean; upstream?: UpstreamOutcome }): void {
  if (column.isNumeric || (options.bool && column.dtype === "bool")) return;
  const rows = nonNumericRows(column);
  if (rows.length > 0) failCells(frame, column, rows, "NON_NUMERIC", "a number", options.upstream);
  // No text cell: booleans (where they do not count), booleans beside missing cells, or no rows.
  const file = frame.file ?? "submission";
  const got = column.length === 0 ? "an empty column" : `a column of ${column.dtype === "bool" ? "booleans" : "booleans and missing values"}`;
  fail("NON_NUMERIC", `${file} column "${column.name}": expected a numeric column, got ${got}`, {
    issues: [{ code: "NON_NUMERIC", message: `expected a numeric column, got ${got}`, file: frame.file, column: column.name, expected: "numbers", received: got }],
    upstream: options.upstream,
  });
}

/** Rows of an object column whose cell is text (the cells numpy cannot do arithmetic on). */
export function nonNumericRows(column: Column): number[] {
  const rows: number[] = [];
  const cells = column.cells;
  if (!cells) return rows;
  for (let i = 0; i < cells.length; i++) if (typeof cells[i] === "string") rows.push(i);
  return rows;
}

/**
 * A column as numpy arithmetic sees it: numbers as they are, booleans as 0/1, missing cells NaN.
 * Text cells make numpy raise TypeError (MLE-bench crashes): NON_NUMERIC with `upstream`.
 */
export function numpyNumbers(frame: Frame, column: Column, upstream: UpstreamOutcome = "error"): Float64Array {
  if (column.values) return column.values;
  const rows = nonNumericRows(column);
  if (rows.length > 0) failCells(frame, column, rows, "NON_NUMERIC", "a number", upstream);
  return Float64Array.from(column.cells!, (cell) => (typeof cell === "boolean" ? (cell ? 1 : 0) : (cell as number)));
}

/**
 * Values whose order matches the column's order for ranking: numbers (booleans as 0/1, NaN kept)
 * as they are; an object column of text is replaced by each string's position in code-point order,
 * which ranks exactly as Python compares the strings.
 */
export function rankableValues(column: Column): Float64Array {
  if (column.values) return column.values;
  const cells = column.cells!;
  if (cells.some((cell) => typeof cell !== "string")) {
    // NaN (a missing cell) or booleans beside text: NaN anywhere makes the rank correlation NaN.
    return Float64Array.from(cells, (cell) => (typeof cell === "string" ? 0 : typeof cell === "boolean" ? Number(cell) : cell));
  }
  const distinct = [...new Set(cells as string[])].sort(compareCodePoints);
  const position = new Map(distinct.map((text, i) => [text, i]));
  return Float64Array.from(cells as string[], (text) => position.get(text)!);
}
