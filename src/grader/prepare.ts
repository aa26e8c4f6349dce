/**
 * Row alignment shared by many graders: MLE-bench's `prepare_for_*` helpers
 * (`mlebench/competitions/utils.py`), re-expressed on our frames.
 */
import { AnswersError, type UpstreamOutcome } from "../errors.js";
import type { Answers } from "../competitions/define.js";
import type { Cell, Column } from "../table/column.js";
import { Frame } from "../table/frame.js";
import { pythonFloat, pythonStr } from "../table/scalars.js";
import { failCells, requireColumns, requireSameLength, requireSameSortedIds } from "./checks.js";

/** The answers must be a table with these columns (a maintainer's error otherwise). */
export function answersTable(answers: Answers, columns: readonly string[]): Frame {
  if (!(answers instanceof Frame)) throw new AnswersError("answers: expected a CSV table, got JSON records");
  const missing = columns.filter((name) => !answers.has(name));
  if (missing.length > 0) {
    throw new AnswersError(`answers: expected columns ${JSON.stringify(missing)}, got ${JSON.stringify(answers.columnNames)}`);
  }
  return answers;
}

/** A column's cells as labels: numbers for numeric and bool columns, cells for object columns. */
export function labelsOf(column: Column): ArrayLike<Cell> {
  return column.values ?? column.cells!;
}

/**
 * A column's cells as numpy sees `column.tolist()` once scikit-learn converts the list: a list that
 * mixes text with numbers, booleans or NaN becomes an array of strings (`"nan"`, `"1.0"`, `"True"`);
 * otherwise the cells are used as they are.
 */
export function listLabelsOf(column: Column): ArrayLike<Cell> {
  const cells = labelsOf(column);
  let text = false;
  let other = false;
  for (let i = 0; i < cells.length; i++) {
    if (typeof cells[i] === "string") text = true;
    else other = true;
  }
  return text && other ? Array.from(cells, (cell) => pythonStr(cell)) : cells;
}

/**
 * `prepare_for_accuracy_metric`: same length, both columns present, ids equal after sorting both
 * sides; returns the target columns in id order.
 */
export function prepareForAccuracy(submission: Frame, answers: Answers, targetColumn: string, idColumn: string): { yTrue: Column; yPred: Column } {
  const ans = answersTable(answers, [targetColumn, idColumn]);
  requireSameLength(submission, ans);
  requireColumns(submission, [targetColumn, idColumn]);
  const sub = submission.sortBy(idColumn);
  const sortedAnswers = ans.sortBy(idColumn);
  requireSameSortedIds(sub, sortedAnswers, idColumn);
  return { yTrue: sortedAnswers.col(targetColumn), yPred: sub.col(targetColumn) };
}

/**
 * A column as float64, as numpy's `astype(float)` (and scikit-learn's `check_array`) convert it:
 * numbers as they are, booleans as 0/1, text through Python's `float()`; NaN stays NaN. Text that
 * Python cannot convert is reported cell by cell as NON_NUMERIC.
 */
export function floatsOf(frame: Frame, column: Column, options: { upstream?: UpstreamOutcome } = {}): Float64Array {
  if (column.values) return column.values;
  const cells = column.cells!;
  const out = new Float64Array(cells.length);
  const bad: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (typeof cell === "number") out[i] = cell;
    else if (typeof cell === "boolean") out[i] = cell ? 1 : 0;
    else {
      const value = pythonFloat(cell);
      if (value === undefined) bad.push(i);
      else out[i] = value;
    }
  }
  if (bad.length > 0) failCells(frame, column, bad, "NON_NUMERIC", "a number", options.upstream ?? "error");
  return out;
}
