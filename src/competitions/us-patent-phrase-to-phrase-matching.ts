import { pearsonCorrelation } from "../../metrics/pearson-correlation.js";
import { requireColumns, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import { numpyNumbers } from "../grader/regression.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "us-patent-phrase-to-phrase-matching",
    name: "U.S. Patent Phrase to Phrase Matching",
    splits: ["medium"],
    category: "Text (similarity regression)",
    answers: "us-patent-phrase-to-phrase-matching/prepared/private/test.csv",
    sampleSubmission: "us-patent-phrase-to-phrase-matching/prepared/public/sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "score", kind: "number" },
    ],
    answersColumns: ["id", "score"],
    metric: { id: "pearson-correlation" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "sort both by id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "A constant prediction (such as the all-zero sample submission) or a missing value scores NaN, reported as a valid score",
      "Scores are not range-checked; text in the score column crashes the metric (null score)",
    ],
  },
  (submission, answers) => {
    const ans = answersTable(answers, ["id", "score"]);
    requireSameLength(submission, ans);
    requireColumns(submission, ["id", "score"]);
    const sub = submission.sortBy("id");
    const sortedAnswers = ans.sortBy("id");
    requireSameSortedIds(sub, sortedAnswers, "id", "id", { upstream: "invalid" });
    return pearsonCorrelation(floatsOf(sortedAnswers, sortedAnswers.col("score")), numpyNumbers(sub, sub.col("score")));
  },
);
