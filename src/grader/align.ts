/**
 * The "sort both by id, the sorted ids must be equal, pair rows by position" idiom that many
 * graders repeat (text, set, detection and single-column AUC-style ones), with the checks in the order the grader runs them (the length
 * check comes before or after the column checks depending on the competition).
 */
import type { Answers } from "../competitions/define.js";
import type { Column } from "../table/column.js";
import type { Frame } from "../table/frame.js";
import { requireColumns, requireSameLength, requireSameSortedIds } from "./checks.js";
import { answersTable } from "./prepare.js";

export interface SortedPairs {
  /** The answers sorted by id. */
  answers: Frame;
  /** The submission sorted by id (same ids, row for row). */
  submission: Frame;
  yTrue: Column;
  yPred: Column;
}

/**
 * Checks the id and target columns and the row count (in `order`), sorts both tables by id,
 * requires the sorted ids to be equal, and returns the target columns in id order.
 */
export function alignBySortedIds(
  submission: Frame,
  answers: Answers,
  options: { id: string; target: string; order: "length-first" | "columns-first" },
): SortedPairs {
  const { id, target } = options;
  const ans = answersTable(answers, [id, target]);
  if (options.order === "length-first") requireSameLength(submission, ans);
  requireColumns(submission, [id, target]);
  if (options.order === "columns-first") requireSameLength(submission, ans);
  const sortedSubmission = submission.sortBy(id);
  const sortedAnswers = ans.sortBy(id);
  requireSameSortedIds(sortedSubmission, sortedAnswers, id);
  return { answers: sortedAnswers, submission: sortedSubmission, yTrue: sortedAnswers.col(target), yPred: sortedSubmission.col(target) };
}
