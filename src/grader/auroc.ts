/**
 * MLE-bench's `prepare_for_auroc_metric` (`mlebench/competitions/utils.py`), shared by the 11
 * single-column ROC AUC graders and, per class, by ranzcr: the checks in upstream order, then the
 * id-sorted truth and scores.
 */
import { matrixFromColumns } from "../../metrics/_probabilities.js";
import { meanColumnRocAuc } from "../../metrics/mean-column-roc-auc.js";
import { rocAuc } from "../../metrics/roc-auc.js";
import type { Answers, GradeFunction } from "../competitions/define.js";
import type { Cell, Column } from "../table/column.js";
import type { Frame } from "../table/frame.js";
import { integerRange, isIntegerText, parseFloatText } from "../table/scalars.js";
import { failCells, requireColumns, requireFinite, requireSameLength, requireSameSortedIds } from "./checks.js";
import { answersTable, floatsOf, labelsOf } from "./prepare.js";

/**
 * Whether `pd.to_numeric` accepts a cell of an object column: numbers, NaN and booleans pass;
 * text passes when it is empty or a decimal number or `inf`/`infinity` (blanks around allowed),
 * the grammar `read_csv` uses, except an integer beyond the 64-bit range ("Integer out of range").
 * So text that `read_csv` kept as text always fails.
 */
function toNumericAccepts(cell: Cell): boolean {
  if (typeof cell !== "string" || cell === "") return true;
  return parseFloatText(cell) !== undefined && !(isIntegerText(cell) && integerRange(cell) === "overflow");
}

/**
 * `pd.to_numeric(column)` must not raise (else Invalid), and then `column.min() < 0 or
 * column.max() > 1` must be false (else Invalid), NaN skipped. On an object column that passes
 * `to_numeric`, `min()` compares text with numbers and raises TypeError: a crash upstream.
 */
function requireProbabilities(submission: Frame, column: Column): void {
  if (column.cells) {
    const cells = column.cells;
    const rejected: number[] = [];
    const text: number[] = [];
    for (let i = 0; i < cells.length; i++) {
      if (!toNumericAccepts(cells[i]!)) rejected.push(i);
      else if (typeof cells[i] === "string") text.push(i);
    }
    if (rejected.length > 0) failCells(submission, column, rejected, "NON_NUMERIC", "a number", "invalid");
    if (text.length > 0) failCells(submission, column, text, "NON_NUMERIC", "a number, not text", "error");
  }
  const values = column.values ?? floatsOf(submission, column);
  const outside: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i]! < 0 || values[i]! > 1) outside.push(i);
  if (outside.length > 0) failCells(submission, column, outside, "OUT_OF_RANGE", "a probability between 0 and 1", "invalid");
}

/**
 * `prepare_for_auroc_metric(submission, answers, id_col, target_col)`: both columns present, as
 * many rows as the answers, the target numeric (`pd.to_numeric`) and within [0, 1] (NaN
 * skipped), then both sides sorted by id with equal sorted ids. Returns the answers' labels and
 * the submission's scores in that order; a NaN score is a crash upstream (scikit-learn rejects it).
 */
export function prepareForAuroc(submission: Frame, answers: Answers, idColumn: string, targetColumn: string): { yTrue: ArrayLike<Cell>; yScore: Float64Array } {
  const ans = answersTable(answers, [idColumn, targetColumn]);
  requireColumns(submission, [idColumn, targetColumn]);
  requireSameLength(submission, ans);
  requireProbabilities(submission, submission.col(targetColumn));
  const sub = submission.sortBy(idColumn);
  const sortedAnswers = ans.sortBy(idColumn);
  requireSameSortedIds(sub, sortedAnswers, idColumn);
  const scores = sub.col(targetColumn);
  const yScore = floatsOf(sub, scores);
  requireFinite(sub, scores, yScore);
  return { yTrue: labelsOf(sortedAnswers.col(targetColumn)), yScore };
}

/** The whole grader of a single-column AUC competition: `prepare_for_auroc_metric`, then `roc_auc_score`. */
export function singleColumnAurocGrader(idColumn: string, targetColumn: string): GradeFunction {
  return (submission, answers) => {
    const { yTrue, yScore } = prepareForAuroc(submission, answers, idColumn, targetColumn);
    return rocAuc(yTrue, yScore);
  };
}

/**
 * Mean column-wise ROC AUC of rows already aligned: `labelNames` columns of the answers against
 * `scoreNames` columns of the submission (the same names unless a grader pairs them otherwise),
 * with every score a finite number (scikit-learn rejects NaN and infinity).
 */
export function meanColumnAucOfAligned(submission: Frame, answers: Frame, labelNames: readonly string[], scoreNames: readonly string[] = labelNames): number {
  const scores = scoreNames.map((name) => {
    const column = submission.col(name);
    const values = floatsOf(submission, column);
    requireFinite(submission, column, values);
    return values;
  });
  return meanColumnRocAuc(
    matrixFromColumns(labelNames.map((name) => floatsOf(answers, answers.col(name))), answers.length),
    matrixFromColumns(scores, submission.length),
    labelNames as string[],
  );
}
