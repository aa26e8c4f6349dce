import { logLoss } from "../../metrics/log-loss.js";
import { requireColumns, requireSameIdSet } from "../grader/checks.js";
import { requireProbabilities } from "../grader/log-loss.js";
import { answersTable, floatsOf, labelsOf } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "statoil-iceberg-classifier-challenge",
    name: "Statoil/C-CORE Iceberg Classifier Challenge",
    splits: ["medium"],
    category: "Image Classification",
    answers: "statoil-iceberg-classifier-challenge/prepared/private/test.csv",
    sampleSubmission: "statoil-iceberg-classifier-challenge/prepared/private/sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "is_iceberg", kind: "probability", range: [0, 1] },
    ],
    answersColumns: ["id", "is_iceberg"],
    metric: { id: "log-loss" },
    direction: "minimize",
    awardsMedals: true,
    rounding: "python",
    rowMatching: "id sets must be equal; both sorted by id; rows paired in that order",
    knownIssues: [
      "There is no length check: a duplicated id passes the id-set check and then crashes scikit-learn's length check",
      "Probabilities are clipped at float64 epsilon (2.2e-16), not Kaggle's 1e-15 (kaggle mode uses 1e-15)",
      "MLE-bench keeps this competition's sample submission under prepared/private",
    ],
  },
  (submission, answers, context) => {
    const ans = answersTable(answers, ["id", "is_iceberg"]);
    requireColumns(submission, ["id"]);
    requireColumns(submission, ["is_iceberg"]);
    requireSameIdSet(submission, ans, "id");
    requireProbabilities(submission, [submission.col("is_iceberg")]);
    const sub = submission.sortBy("id");
    const sortedAnswers = ans.sortBy("id");
    const yPred = floatsOf(sub, sub.col("is_iceberg"), { upstream: "error" });
    return logLoss(labelsOf(sortedAnswers.col("is_iceberg")), yPred, context.mode === "kaggle" ? { eps: 1e-15 } : {});
  },
);
