/**
 * Dense matrices for the probabilistic metrics (log loss, KL divergence, weighted log loss).
 *
 * A metric accepts a matrix either as rows (`number[][]`, the shape the examples and docs use) or
 * as a {@link Matrix}: one row-major Float64Array, which graders build straight from columns
 * without allocating an array per row.
 */
import { MetricError } from "../src/errors.js";

/** A dense row-major matrix of float64 values: cell (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** A matrix as rows of numbers, or a {@link Matrix}. */
export type MatrixLike = Matrix | ArrayLike<ArrayLike<number>>;

/** Whether the value is a {@link Matrix} object. */
export function isMatrix(value: unknown): value is Matrix {
  return typeof value === "object" && value !== null && (value as Matrix).data instanceof Float64Array && typeof (value as Matrix).cols === "number";
}

/** Whether the value holds rows (a Matrix, or a non-empty array whose first entry is an array). */
export function isMatrixLike(value: unknown): value is MatrixLike {
  if (isMatrix(value)) return true;
  const first = (value as ArrayLike<unknown>).length > 0 ? (value as ArrayLike<unknown>)[0] : undefined;
  return typeof first === "object" && first !== null;
}

/** The value as a Matrix (rows copied once); throws MALFORMED_PREDICTION for ragged rows. */
export function toMatrix(value: MatrixLike, role: string): Matrix {
  if (isMatrix(value)) {
    if (value.data.length !== value.rows * value.cols) {
      throw new MetricError("MALFORMED_PREDICTION", `${role}: expected ${value.rows}×${value.cols} values, got ${value.data.length}`);
    }
    return value;
  }
  const rows = value.length;
  const cols = rows > 0 ? value[0]!.length : 0;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row = value[i]!;
    if (row.length !== cols) throw new MetricError("MALFORMED_PREDICTION", `${role} row ${i + 1}: expected ${cols} values, got ${row.length}`);
    for (let j = 0; j < cols; j++) data[i * cols + j] = Number(row[j]);
  }
  return { rows, cols, data };
}

/** A matrix whose columns are the given arrays (all of length `rows`). */
export function matrixFromColumns(columns: readonly ArrayLike<number>[], rows: number): Matrix {
  const cols = columns.length;
  const data = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    const column = columns[j]!;
    for (let i = 0; i < rows; i++) data[i * cols + j] = column[i]!;
  }
  return { rows, cols, data };
}

/** Both matrices must have the same number of rows and of columns. */
export function requireSameShape(a: Matrix, b: Matrix, roles: [string, string]): void {
  if (a.rows !== b.rows) throw new MetricError("ROW_COUNT_MISMATCH", `expected ${a.rows} rows in ${roles[1]}, got ${b.rows}`);
  if (a.cols !== b.cols) {
    throw new MetricError(b.cols < a.cols ? "MISSING_COLUMN" : "UNEXPECTED_COLUMN", `expected ${a.cols} columns in ${roles[1]} (as in ${roles[0]}), got ${b.cols}`);
  }
}

/** numpy's `np.clip(x, low, high)`: NaN stays NaN. */
export function clip(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
