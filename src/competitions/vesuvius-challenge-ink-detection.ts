import type { RunLengthMask } from "../../metrics/_rle.js";
import { pixelFBeta } from "../../metrics/pixel-f-beta.js";
import { AnswersError } from "../errors.js";
import { cellIssue, diagnoseIds, fail, requireColumns, requireSameLength } from "../grader/checks.js";
import { answersTable } from "../grader/prepare.js";
import { answerSizes, decodeAnswerRles, decodeRleCell } from "../grader/rle.js";
import type { Frame } from "../table/frame.js";
import { defineCompetition } from "./define.js";

const SUBMISSION_COLUMNS = ["Id", "Predicted"];
const ANSWER_COLUMNS = ["Id", "Predicted", "width", "height"];

/** Kaggle mode: the submission's rows reordered to the answers' Id order (Ids must match one to one). */
function alignById(submission: Frame, answers: Frame): Frame {
  const diagnosis = diagnoseIds(submission, submission.col("Id"), answers.col("Id"));
  if (diagnosis) fail(diagnosis.code, diagnosis.message, { issues: diagnosis.issues });
  const rowOf = new Map<unknown, number>();
  const ids = submission.col("Id");
  for (let i = 0; i < ids.length; i++) rowOf.set(ids.key(i), i);
  const answerIds = answers.col("Id");
  return submission.take(Array.from({ length: answers.length }, (_, i) => rowOf.get(answerIds.key(i))!));
}

export default defineCompetition(
  {
    id: "vesuvius-challenge-ink-detection",
    name: "Vesuvius Challenge - Ink Detection",
    splits: ["high"],
    category: "Image Segmentation",
    answers: "vesuvius-challenge-ink-detection/prepared/private/inklabels_rle.csv",
    sampleSubmission: "vesuvius-challenge-ink-detection/prepared/public/sample_submission.csv",
    columns: [
      { name: "Id", kind: "id" },
      { name: "Predicted", kind: "rle", allowEmpty: true, format: "start length pairs, 1-based, row-major (left to right, then top to bottom); a blank text for an empty mask" },
    ],
    extraColumns: "rejected",
    answersColumns: ANSWER_COLUMNS,
    metric: { id: "pixel-f-beta", options: { beta: 0.5 } },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "rows paired by position in file order; each pair's Id must be equal (kaggle mode pairs by Id)",
    knownIssues: [
      "Rows are paired by position: the same fragments in another order crash MLE-bench's grader (an assertion on the Id), where Kaggle would match them by Id",
      "An empty mask must be a blank text such as a single space: an empty cell is read as a missing value and the submission is invalid",
      "A fragment with no ink and no predicted ink scores 0, not 1 (scikit-learn's zero_division default)",
    ],
  },
  (submission, answers, context) => {
    const ans = answersTable(answers, ANSWER_COLUMNS);
    if (ans.columns.length !== ANSWER_COLUMNS.length) throw new AnswersError(`answers: expected exactly the columns ${JSON.stringify(ANSWER_COLUMNS)}, got ${JSON.stringify(ans.columnNames)}`);
    requireSameLength(submission, ans);
    if (submission.length === 0) return NaN; // np.mean of no fragments
    // Checked on every row in MLE-bench; identical for all rows, so once.
    if (submission.columns.length !== SUBMISSION_COLUMNS.length) {
      const extra = submission.columnNames.filter((name) => !SUBMISSION_COLUMNS.includes(name));
      const code = extra.length > 0 ? "UNEXPECTED_COLUMN" : "MISSING_COLUMN";
      fail(code, `${submission.file ?? "submission"}: expected exactly the columns ${JSON.stringify(SUBMISSION_COLUMNS)}, got ${JSON.stringify(submission.columnNames)}`, {
        issues: [{ code, message: `expected ${SUBMISSION_COLUMNS.length} columns, got ${submission.columns.length}`, file: submission.file, expected: SUBMISSION_COLUMNS.join(","), received: submission.columnNames.join(",") }],
      });
    }
    requireColumns(submission, SUBMISSION_COLUMNS);
    const sub = context.mode === "kaggle" ? alignById(submission, ans) : submission;
    const sizes = answerSizes(ans.col("height"), ans.col("width"));
    const yTrue = decodeAnswerRles(ans.col("Predicted"), sizes, "row-major");
    const yPred: RunLengthMask[] = [];
    const ids = sub.col("Id");
    const answerIds = ans.col("Id");
    const predicted = sub.col("Predicted");
    for (let i = 0; i < sub.length; i++) {
      if (ids.key(i) !== answerIds.key(i)) {
        const issue = cellIssue(sub, ids, i, "ID_MISMATCH", `the Id of answers row ${i + 1}, ${JSON.stringify(answerIds.get(i))}`);
        fail("ID_MISMATCH", issue.message, { issues: [issue], upstream: "error" });
      }
      if (typeof predicted.get(i) !== "string") {
        const code = predicted.isMissing(i) ? "MISSING_VALUE" : "MALFORMED_RLE";
        const issue = cellIssue(sub, predicted, i, code, "a text of start length pairs (a single space for an empty mask)");
        fail(code, issue.message, { issues: [issue] });
      }
      yPred.push(decodeRleCell(sub, predicted, i, sizes.heights[i]!, sizes.widths[i]!, { assertion: "invalid", order: "row-major" }));
    }
    return pixelFBeta(yTrue, yPred, { beta: 0.5 });
  },
);
