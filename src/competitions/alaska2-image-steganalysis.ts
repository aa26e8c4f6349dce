import { weightedPartialAuc } from "../../metrics/weighted-partial-auc.js";
import { alignBySortedIds } from "../grader/align.js";
import { failCells } from "../grader/checks.js";
import { floatsOf } from "../grader/prepare.js";
import { AnswersError } from "../errors.js";
import { defineCompetition } from "./define.js";

const ID = "Id";
const TARGET = "Label";
/** TPR bands [0, 0.4] (weight 2) and [0.4, 1] (weight 1); label 1 is positive (`roc_curve(pos_label=1)`). */
const OPTIONS = { tprThresholds: [0, 0.4, 1], weights: [2, 1], posLabel: 1 };

export default defineCompetition(
  {
    id: "alaska2-image-steganalysis",
    name: "ALASKA2 Image Steganalysis",
    splits: ["medium"],
    category: "Image Classification",
    answers: "alaska2-image-steganalysis/prepared/private/test.csv",
    sampleSubmission: "alaska2-image-steganalysis/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: TARGET, kind: "number" },
    ],
    answersColumns: [ID, TARGET],
    metric: { id: "weighted-partial-auc", options: OPTIONS },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "sort both by Id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "constant predictions score 0.5857 (0.82 / 1.4), not 0.5: the lower band's area is measured from fpr 0 but the upper band's starts where the curve reaches TPR 0.4",
      "scores are not range-checked; an infinite score passes the NaN check and then crashes scikit-learn (null score)",
    ],
  },
  (submission, answers) => {
    const { submission: sub, answers: sortedAnswers } = alignBySortedIds(submission, answers, { id: ID, target: TARGET, order: "length-first" });
    // Label.astype(float): text Python cannot convert is rejected; then NaN is rejected.
    const scores = sub.col(TARGET);
    const yScore = floatsOf(sub, scores, { upstream: "invalid" });
    const yTrue = floatsOf(sortedAnswers, sortedAnswers.col(TARGET));
    if (yTrue.some(Number.isNaN)) throw new AnswersError("answers: expected a Label in every row, got NaN");
    const missing: number[] = [];
    yScore.forEach((value, i) => Number.isNaN(value) && missing.push(i));
    if (missing.length > 0) failCells(sub, scores, missing, "MISSING_VALUE", "a number", "invalid");
    return weightedPartialAuc(yTrue, yScore, OPTIONS);
  },
);
