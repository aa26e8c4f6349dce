import { logLoss } from "../../metrics/log-loss.js";
import { requireColumns, requireSameIdSet, requireSameLength } from "../grader/checks.js";
import { requireProbabilities } from "../grader/log-loss.js";
import { answersTable, floatsOf, labelsOf } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "dogs-vs-cats-redux-kernels-edition",
    name: "Dogs vs. Cats Redux: Kernels Edition",
    splits: ["low"],
    category: "Image Classification",
    answers: "dogs-vs-cats-redux-kernels-edition/prepared/private/answers.csv",
    sampleSubmission: "dogs-vs-cats-redux-kernels-edition/prepared/public/sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "label", kind: "probability", range: [0, 1] },
    ],
    answersColumns: ["id", "label"],
    metric: { id: "log-loss" },
    direction: "minimize",
    awardsMedals: false,
    rounding: "python",
    rowMatching: "id sets must be equal and lengths equal; both sorted by id; rows paired in that order",
    knownIssues: [
      "Probabilities are clipped at float64 epsilon (2.2e-16), not Kaggle's 1e-15: a confident miss costs about 36.0 instead of 34.5 (kaggle mode uses 1e-15)",
    ],
  },
  (submission, answers, context) => {
    const ans = answersTable(answers, ["id", "label"]);
    requireColumns(submission, ["id"]);
    requireColumns(submission, ["label"]);
    requireSameIdSet(submission, ans, "id");
    requireSameLength(submission, ans);
    requireProbabilities(submission, [submission.col("label")]);
    const sub = submission.sortBy("id");
    const sortedAnswers = ans.sortBy("id");
    const yPred = floatsOf(sub, sub.col("label"), { upstream: "error" });
    return logLoss(labelsOf(sortedAnswers.col("label")), yPred, context.mode === "kaggle" ? { eps: 1e-15 } : {});
  },
);
