import { meanDice } from "../../metrics/mean-dice.js";
import { requireColumns, requireSameIdSet, requireSameLength } from "../grader/checks.js";
import { answersTable } from "../grader/prepare.js";
import { answerSizes, decodeAnswerRles, decodeRleColumn } from "../grader/rle.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "hubmap-kidney-segmentation",
    name: "HuBMAP - Hacking the Kidney",
    splits: ["medium"],
    category: "Image Segmentation",
    answers: "hubmap-kidney-segmentation/prepared/private/test.csv",
    sampleSubmission: "hubmap-kidney-segmentation/prepared/public/sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "predicted", kind: "rle", allowEmpty: true, format: "start length pairs, 1-based, column-major (top to bottom, then left to right)" },
    ],
    answersColumns: ["id", "encoding", "width_pixels", "height_pixels"],
    metric: { id: "mean-dice", options: { bothEmpty: 1 } },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "set(id) equality and equal length; both sorted by id; rows paired in that order",
    knownIssues: [
      "The competition page shows an `img,pixels` header, but the grader needs `id,predicted`",
      "Duplicate ids pass when the id sets and row counts agree: the sorted rows are paired by position",
      "A malformed encoding (unsorted, overlapping or non-positive runs, non-integer tokens) crashes MLE-bench's grader instead of being reported as invalid",
    ],
  },
  (submission, answers) => {
    const ans = answersTable(answers, ["id", "encoding", "width_pixels", "height_pixels"]);
    requireColumns(submission, ["id", "predicted"]);
    requireSameLength(submission, ans);
    requireSameIdSet(submission, ans, "id");
    const sub = submission.sortBy("id");
    const sortedAnswers = ans.sortBy("id");
    const sizes = answerSizes(sortedAnswers.col("height_pixels"), sortedAnswers.col("width_pixels"));
    const yPred = decodeRleColumn(sub, sub.col("predicted").fillMissing(""), sizes, { assertion: "error" });
    const yTrue = decodeAnswerRles(sortedAnswers.col("encoding"), sizes);
    return meanDice(yTrue, yPred, { bothEmpty: 1 });
  },
);
