import { meanAbsoluteError } from "../../metrics/mean-absolute-error.js";
import { requireSamples } from "../../metrics/_regression.js";
import type { CellKey } from "../table/column.js";
import { requireColumns, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import { sklearnFloats } from "../grader/regression.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "ventilator-pressure-prediction",
    name: "Google Brain - Ventilator Pressure Prediction",
    splits: ["medium"],
    category: "Tabular / Time-series regression",
    answers: "ventilator-pressure-prediction/prepared/private/test.csv",
    sampleSubmission: "ventilator-pressure-prediction/prepared/public/sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "pressure", kind: "number" },
    ],
    answersColumns: ["id", "pressure", "u_out"],
    metric: { id: "mean-absolute-error" },
    direction: "minimize",
    awardsMedals: true,
    // scikit-learn 1.5's mean_absolute_error returns float(...), a Python float.
    rounding: "python",
    rowMatching: "sort both by id; sorted ids must be equal; only ids whose answers row has u_out = 0 (the inspiratory phase) are scored, paired in id order",
    knownIssues: [
      "MLE-bench's config names the grader 'dice-hausdorff-combo', but the metric is the mean absolute error",
      "Missing values or text in expiratory rows (u_out = 1) are ignored; in scored rows they crash the metric (null score)",
    ],
  },
  (submission, answers) => {
    const ans = answersTable(answers, ["id", "pressure", "u_out"]);
    requireColumns(submission, ["id", "pressure"]);
    requireSameLength(submission, ans);
    const sub = submission.sortBy("id");
    const sortedAnswers = ans.sortBy("id");
    requireSameSortedIds(sub, sortedAnswers, "id", "id", { upstream: "invalid" });

    // Answers rows with u_out == 0, and the submission rows whose id is among theirs.
    const uOut = floatsOf(sortedAnswers, sortedAnswers.col("u_out"));
    const ansRows: number[] = [];
    const scoredIds = new Set<CellKey>();
    const ids = sortedAnswers.col("id");
    for (let i = 0; i < uOut.length; i++) {
      if (uOut[i] === 0) {
        ansRows.push(i);
        scoredIds.add(ids.key(i));
      }
    }
    const subIds = sub.col("id");
    const subRows: number[] = [];
    for (let i = 0; i < sub.length; i++) if (scoredIds.has(subIds.key(i))) subRows.push(i);
    const scoredSub = sub.take(subRows);
    const yTrue = floatsOf(sortedAnswers, sortedAnswers.col("pressure").take(ansRows));
    const yPred = sklearnFloats(scoredSub, scoredSub.col("pressure"));
    requireSamples(yTrue.length);
    return meanAbsoluteError(yTrue, yPred);
  },
);
