import { rootMeanSquaredError } from "../../metrics/root-mean-squared-error.js";
import { requireColumns, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import { sklearnFloats } from "../grader/regression.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "denoising-dirty-documents",
    name: "Denoising Dirty Documents",
    splits: ["low"],
    category: "Image To Image",
    answers: "denoising-dirty-documents/prepared/private/answers.csv",
    sampleSubmission: "denoising-dirty-documents/prepared/public/sampleSubmission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "value", kind: "number" },
    ],
    answersColumns: ["id", "value"],
    metric: { id: "root-mean-squared-error" },
    direction: "minimize",
    awardsMedals: false,
    rowMatching: "sort both by id (text order); sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Pixel values are not range-checked: values outside [0, 1] are scored as they are",
      "Text that Python's float() accepts (' 0.5', '1_0', 'inf') passes the type check; infinities and missing values then crash the metric",
    ],
  },
  (submission, answers) => {
    const ans = answersTable(answers, ["id", "value"]);
    requireColumns(submission, ["id", "value"]);
    // `astype(float)` must succeed: text Python cannot read as a float is rejected.
    floatsOf(submission, submission.col("value"), { upstream: "invalid" });
    requireSameLength(submission, ans);
    const sub = submission.sortBy("id");
    const sortedAnswers = ans.sortBy("id");
    requireSameSortedIds(sub, sortedAnswers, "id");
    const yPred = sklearnFloats(sub, sub.col("value"));
    return rootMeanSquaredError(floatsOf(sortedAnswers, sortedAnswers.col("value")), yPred);
  },
);
