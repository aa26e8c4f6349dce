import { iouThresholdPrecision } from "../../metrics/iou-threshold-precision.js";
import { AnswersError } from "../errors.js";
import { failCells, requireExactColumns, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { answersTable } from "../grader/prepare.js";
import { decodeAnswerRles, decodeRleColumn } from "../grader/rle.js";
import type { Column } from "../table/column.js";
import { Frame } from "../table/frame.js";
import { defineCompetition } from "./define.js";

const COLUMNS = ["id", "rle_mask"];
const SIDE = 101;

/** Rows whose cell is not text once missing values become "" (`fillna("")`, then `isinstance(x, str)`). */
function nonTextRows(column: Column): number[] {
  const rows: number[] = [];
  for (let i = 0; i < column.length; i++) if (typeof column.get(i) !== "string" && !column.isMissing(i)) rows.push(i);
  return rows;
}

export default defineCompetition(
  {
    id: "tgs-salt-identification-challenge",
    name: "TGS Salt Identification Challenge",
    splits: ["medium"],
    category: "Image Segmentation",
    answers: "tgs-salt-identification-challenge/prepared/private/test.csv",
    sampleSubmission: "tgs-salt-identification-challenge/prepared/public/sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "rle_mask", kind: "rle", allowEmpty: true, format: "start length pairs, 1-based, column-major, on 101×101 images" },
    ],
    extraColumns: "rejected",
    answersColumns: COLUMNS,
    metric: { id: "iou-threshold-precision" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "columns exactly {id, rle_mask}; both sorted by id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "An empty prediction for an image with salt gets IoU |T|/10201 instead of 0 (numpy histogram binning), so images more than half salt earn credit for an empty mask; kaggle mode scores them 0",
      "Every cell must be text: a column pandas reads as numbers (ids that all look numeric, or single-number masks) makes the submission invalid",
    ],
  },
  (submission, answers, context) => {
    const ans = answersTable(answers, COLUMNS);
    if (ans.columns.length !== COLUMNS.length) throw new AnswersError(`answers: expected exactly the columns ${JSON.stringify(COLUMNS)}, got ${JSON.stringify(ans.columnNames)}`);
    for (const name of COLUMNS) {
      if (nonTextRows(ans.col(name)).length > 0) throw new AnswersError(`answers: expected text in every cell of column "${name}"`);
    }
    requireExactColumns(submission, COLUMNS);
    requireSameLength(submission, ans);
    const badIds = nonTextRows(submission.col("id"));
    if (badIds.length > 0) failCells(submission, submission.col("id"), badIds, "LABEL_TYPE_MISMATCH", "a text id");
    const badMasks = nonTextRows(submission.col("rle_mask"));
    if (badMasks.length > 0) failCells(submission, submission.col("rle_mask"), badMasks, "MALFORMED_RLE", "a text of start length pairs");
    const filled = new Frame(
      submission.columns.map((column) => column.fillMissing("")),
      { file: submission.file, lines: submission.lines, length: submission.length },
    );
    const sub = filled.sortBy("id");
    const sortedAnswers = ans.sortBy("id");
    requireSameSortedIds(sub, sortedAnswers, "id");
    const sizes = { heights: new Float64Array(ans.length).fill(SIDE), widths: new Float64Array(ans.length).fill(SIDE) };
    const yPred = decodeRleColumn(sub, sub.col("rle_mask"), sizes, { assertion: "invalid" });
    const yTrue = decodeAnswerRles(sortedAnswers.col("rle_mask").fillMissing(""), sizes);
    return iouThresholdPrecision(yTrue, yPred, { emptyPrediction: context.mode === "kaggle" ? "zero" : "mlebench" });
  },
);
