/**
 * Shared steps of the probability graders (log loss, KL divergence): pandas-style row sums and
 * range checks over probability columns, and MLE-bench's `one_hot_dfs_to_log_loss_inputs`, which
 * aligns a one-hot answers table with a probability submission.
 */
import { matrixFromColumns, type Matrix } from "../../metrics/_probabilities.js";
import { AnswersError, type Issue, type UpstreamOutcome } from "../errors.js";
import type { Column } from "../table/column.js";
import type { Frame } from "../table/frame.js";
import { diagnoseIds, fail, failCells } from "./checks.js";
import { floatsOf } from "./prepare.js";

/**
 * A probability column's cells as numbers the way pandas arithmetic and comparisons see them:
 * numbers as they are, booleans as 0/1, NaN as NaN. A text cell makes pandas raise TypeError
 * (MLE-bench crashes), reported as NON_NUMERIC with upstream "error".
 */
export function pandasNumbers(frame: Frame, column: Column): Float64Array {
  if (column.values) return column.values;
  const cells = column.cells!;
  const text: number[] = [];
  for (let i = 0; i < cells.length; i++) if (typeof cells[i] === "string") text.push(i);
  if (text.length > 0) failCells(frame, column, text, "NON_NUMERIC", "a probability", "error");
  return Float64Array.from(cells as readonly (number | boolean)[], Number);
}

/**
 * `frame[columns].sum(axis=1)`: each row summed left to right over the columns in the given order,
 * NaN cells skipped (pandas' default `skipna`). Text cells crash pandas (NON_NUMERIC, upstream error).
 */
export function pandasRowSums(frame: Frame, columns: readonly Column[]): Float64Array {
  const values = columns.map((column) => pandasNumbers(frame, column));
  const sums = new Float64Array(frame.length);
  for (const column of values) {
    for (let i = 0; i < sums.length; i++) {
      const value = column[i]!;
      if (!Number.isNaN(value)) sums[i] = sums[i]! + value;
    }
  }
  return sums;
}

/** Rows whose sum fails `accept` are reported as ROW_SUM, each located by row. */
export function requireRowSums(frame: Frame, sums: Float64Array, accept: (sum: number) => boolean, expected: string, upstream: UpstreamOutcome = "invalid"): void {
  const issues: Issue[] = [];
  let count = 0;
  for (let i = 0; i < sums.length; i++) {
    if (accept(sums[i]!)) continue;
    count++;
    if (issues.length < 100) {
      const message = `${frame.file ?? "submission"} row ${i + 1}: expected ${expected}, got a row sum of ${sums[i]}`;
      issues.push(frame.issueAt("ROW_SUM", i, undefined, message, { expected, received: String(sums[i]) }));
    }
  }
  if (count > 0) fail("ROW_SUM", `${issues[0]!.message}${count > 1 ? ` (${count} rows)` : ""}`, { issues, upstream });
}

/** `np.isclose(sum, 1, atol=1e-6)` as the one-hot graders test row sums: |sum − 1| ≤ 1e-6 + 1e-5. */
export function iscloseToOne(sum: number): boolean {
  return Math.abs(sum - 1) <= 1e-6 + 1e-5 * 1;
}

/**
 * `((frame[columns] >= 0) & (frame[columns] <= 1)).all().all()`: text cells crash pandas
 * (NON_NUMERIC, upstream error); NaN fails both comparisons (MISSING_VALUE) and values outside
 * [0, 1] fail (OUT_OF_RANGE), both rejected as invalid.
 */
export function requireProbabilities(frame: Frame, columns: readonly Column[]): void {
  const values = columns.map((column) => pandasNumbers(frame, column));
  columns.forEach((column, j) => {
    const cells = values[j]!;
    const missing: number[] = [];
    const outside: number[] = [];
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i]!;
      if (Number.isNaN(value)) missing.push(i);
      else if (!(value >= 0 && value <= 1)) outside.push(i);
    }
    if (outside.length > 0) failCells(frame, column, outside, "OUT_OF_RANGE", "a probability in [0, 1]");
    if (missing.length > 0) failCells(frame, column, missing, "MISSING_VALUE", "a probability in [0, 1]");
  });
}

/**
 * Python list equality of two id columns at the same position (`tolist() == tolist()`): Python
 * `==` on values, where the missing value of a text column is one shared NaN object and equals
 * itself by identity, while NaN in a number column equals nothing.
 */
function sameIdAt(a: Column, b: Column, i: number): boolean {
  if (a.dtype === "object" && b.dtype === "object" && a.isMissing(i) && b.isMissing(i)) return true;
  return a.key(i) === b.key(i);
}

export interface OneHotInputs {
  /** The answers' class columns (all but the id), rows sorted by id. */
  yTrue: Matrix;
  /** The submission's columns of the same names in the same order, rows sorted by id. */
  yProb: Matrix;
  /** The class column names, in the answers' order. */
  classes: string[];
}

/**
 * MLE-bench's `one_hot_dfs_to_log_loss_inputs` (no softmax): the submission must have every answers
 * column (else invalid), is restricted to them in the answers' order, both are sorted by id, and
 * the sorted id lists must be equal (an assertion upstream, so a crash: upstream "error").
 */
export function oneHotLogLossInputs(submission: Frame, answers: Frame, idColumn: string): OneHotInputs {
  const missing = answers.columnNames.filter((name) => !submission.has(name));
  if (missing.length > 0) {
    const file = submission.file ?? "submission";
    fail("MISSING_COLUMN", `${file}: missing column${missing.length > 1 ? "s" : ""} ${missing.map((n) => `"${n}"`).join(", ")}; expected every column of the answers`, {
      issues: missing.map((name) => ({ code: "MISSING_COLUMN", message: `${file}: expected a column "${name}"`, file: submission.file, column: name, expected: name })),
    });
  }
  if (!answers.has(idColumn)) throw new AnswersError(`answers: expected an id column "${idColumn}", got ${JSON.stringify(answers.columnNames)}`);
  const classes = answers.columnNames.filter((name) => name !== idColumn);
  const sub = submission.select(answers.columnNames).sortBy(idColumn);
  const ans = answers.sortBy(idColumn);
  const subIds = sub.col(idColumn);
  const ansIds = ans.col(idColumn);
  let aligned = subIds.length === ansIds.length;
  for (let i = 0; aligned && i < subIds.length; i++) aligned = sameIdAt(subIds, ansIds, i);
  if (!aligned) {
    const diagnosis = diagnoseIds(sub, subIds, ansIds);
    const message = diagnosis?.message ?? `${submission.file ?? "submission"} column "${idColumn}": expected the answers' ids in sorted order, got different ids`;
    fail(diagnosis?.code ?? "ID_MISMATCH", message, { issues: diagnosis?.issues, upstream: "error" });
  }
  const yTrue = matrixFromColumns(classes.map((name) => floatsOf(ans, ans.col(name))), ans.length);
  const yProb = matrixFromColumns(classes.map((name) => floatsOf(sub, sub.col(name), { upstream: "error" })), sub.length);
  return { yTrue, yProb, classes };
}
