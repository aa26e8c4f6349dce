import { globalDice } from "../../metrics/global-dice.js";
import { AnswersError } from "../errors.js";
import { requireColumns, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { answersTable } from "../grader/prepare.js";
import { answerSizes, decodeAnswerRles, decodeRleColumn } from "../grader/rle.js";
import { Column } from "../table/column.js";
import { defineCompetition } from "./define.js";

const ANSWER_COLUMNS = ["record_id", "encoded_pixels", "height", "width"];

/** `replace("-", "")`: a cell that is exactly "-" is an empty mask. */
function dashAsEmpty(column: Column): Column {
  if (!column.cells) return column;
  let found = false;
  for (const cell of column.cells) if (cell === "-") found = true;
  if (!found) return column;
  const cells = column.cells.map((cell) => (cell === "-" ? "" : cell));
  return new Column({ name: column.name, dtype: column.dtype, cells, sourceRows: column.sourceRows });
}

export default defineCompetition(
  {
    id: "google-research-identify-contrails-reduce-global-warming",
    name: "Google Research - Identify Contrails to Reduce Global Warming",
    splits: ["high"],
    category: "Image Segmentation",
    answers: "google-research-identify-contrails-reduce-global-warming/prepared/private/answers.csv",
    sampleSubmission: "google-research-identify-contrails-reduce-global-warming/prepared/public/sample_submission.csv",
    columns: [
      { name: "record_id", kind: "id" },
      { name: "encoded_pixels", kind: "rle", allowEmpty: true, format: "start length pairs, 1-based, column-major; '-' for an empty mask" },
    ],
    answersColumns: ANSWER_COLUMNS,
    metric: { id: "global-dice" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "both sorted by record_id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "An empty mask must be written as '-': an empty cell is read as NaN and crashes MLE-bench's grader",
      "A malformed encoding (unsorted, overlapping or non-positive runs, non-integer tokens) crashes MLE-bench's grader instead of being reported as invalid",
      "When every mask on both sides is empty the score is NaN, which MLE-bench reports as a valid score",
    ],
  },
  (submission, answers) => {
    const ans = answersTable(answers, ANSWER_COLUMNS);
    if (ans.columns.length !== ANSWER_COLUMNS.length) throw new AnswersError(`answers: expected exactly the columns ${JSON.stringify(ANSWER_COLUMNS)}, got ${JSON.stringify(ans.columnNames)}`);
    requireColumns(submission, ["record_id", "encoded_pixels"]);
    requireSameLength(submission, ans);
    const sub = submission.sortBy("record_id");
    const sortedAnswers = ans.sortBy("record_id");
    requireSameSortedIds(sub, sortedAnswers, "record_id");
    const sizes = answerSizes(sortedAnswers.col("height"), sortedAnswers.col("width"));
    const yTrue = decodeAnswerRles(dashAsEmpty(sortedAnswers.col("encoded_pixels")), sizes);
    const yPred = decodeRleColumn(sub, dashAsEmpty(sub.col("encoded_pixels")), sizes, { assertion: "error" });
    return globalDice(yTrue, yPred);
  },
);
