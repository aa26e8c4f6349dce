/**
 * Space-separated label lists as MLE-bench's multi-label F1 graders read them:
 * `fillna("").str.split()` on the submission, and a vocabulary taken from the answers.
 */
import { AnswersError } from "../errors.js";
import type { Column } from "../table/column.js";
import type { Frame } from "../table/frame.js";
import { pythonSplit } from "../table/scalars.js";
import { fail } from "./checks.js";
import { answerTexts, textCells } from "./text.js";

/**
 * `column.fillna("").str.split()`: one list of labels per row. A cell that is not text after the
 * fill (a number or boolean column, or numbers mixed with blanks) crashes the grader upstream.
 */
export function submittedLabelSets(frame: Frame, column: Column): string[][] {
  return textCells(frame, column, { missing: "empty" }).map(pythonSplit);
}

/**
 * The answers' label lists and their vocabulary (`sorted(set(tokens))`). With `emptyRows:
 * "fail"` a row without labels is an error, as in the graders that build the vocabulary with
 * `.str.split().explode().unique()` (the empty row contributes NaN, which cannot be sorted with
 * text).
 */
export function answerLabelSets(column: Column, emptyRows: "fail" | "allow"): { sets: string[][]; classes: string[] } {
  const sets = answerTexts(column, "empty").map(pythonSplit);
  const classes = new Set<string>();
  sets.forEach((labels, i) => {
    if (labels.length === 0 && emptyRows === "fail") {
      throw new AnswersError(`answers row ${column.sourceRow(i) + 1}, column "${column.name}": expected at least one label (an empty row makes the grader's vocabulary unsortable)`);
    }
    for (const label of labels) classes.add(label);
  });
  return { sets, classes: [...classes] };
}

/**
 * scikit-learn reads a binarised matrix with fewer than two label columns as something other than
 * multi-label data and rejects it, so MLE-bench's grader crashes on such a vocabulary.
 */
export function requireMultilabelVocabulary(submission: Frame, classes: readonly string[]): void {
  if (classes.length >= 2) return;
  fail("UNDEFINED_METRIC", `${submission.file ?? "submission"}: expected the answers to hold at least two distinct labels, got ${classes.length} (scikit-learn's f1_score rejects the binarised input)`, {
    upstream: "error",
  });
}
