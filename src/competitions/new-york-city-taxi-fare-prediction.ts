import { rootMeanSquaredError } from "../../metrics/root-mean-squared-error.js";
import { requireColumns, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import { sklearnFloats } from "../grader/regression.js";
import { defineCompetition } from "./define.js";

const TARGET = "fare_amount";

export default defineCompetition(
  {
    id: "new-york-city-taxi-fare-prediction",
    name: "New York City Taxi Fare Prediction",
    splits: ["low"],
    category: "Tabular",
    answers: "new-york-city-taxi-fare-prediction/prepared/private/test.csv",
    sampleSubmission: "new-york-city-taxi-fare-prediction/prepared/public/sample_submission.csv",
    columns: [
      { name: "key", kind: "id" },
      { name: TARGET, kind: "number" },
    ],
    answersColumns: ["key", TARGET],
    metric: { id: "root-mean-squared-error" },
    direction: "minimize",
    awardsMedals: false,
    rowMatching: "sort both by key and pair rows in that order; keys are not compared (kaggle mode: sorted keys must be equal)",
    knownIssues: [
      "Keys are never compared: a submission with the right number of rows but wrong keys is scored against whichever answers sort into the same positions (kaggle mode rejects it)",
      "A wrong row count, a missing value or an infinity crashes the metric (null score) instead of being reported as invalid",
    ],
  },
  (submission, answers, context) => {
    const ans = answersTable(answers, [TARGET, "key"]);
    requireColumns(submission, [TARGET, "key"]);
    // MLE-bench crashes on a wrong row count inside scikit-learn (nothing in between can reject the submission).
    requireSameLength(submission, ans, { upstream: context.mode === "kaggle" ? "invalid" : "error" });
    const sub = submission.sortBy("key");
    const sortedAnswers = ans.sortBy("key");
    if (context.mode === "kaggle") requireSameSortedIds(sub, sortedAnswers, "key");
    const yPred = sklearnFloats(sub, sub.col(TARGET));
    return rootMeanSquaredError(floatsOf(sortedAnswers, sortedAnswers.col(TARGET)), yPred);
  },
);
