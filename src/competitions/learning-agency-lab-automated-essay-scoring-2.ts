import { quadraticWeightedKappa } from "../../metrics/quadratic-weighted-kappa.js";
import { requireColumns, requireRows, requireSameSortedIds } from "../grader/checks.js";
import { answersTable, labelsOf } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

const ID = "essay_id";
const TARGET = "score";

export default defineCompetition(
  {
    id: "learning-agency-lab-automated-essay-scoring-2",
    name: "Learning Agency Lab - Automated Essay Scoring 2.0",
    splits: ["medium"],
    category: "Text (ordinal regression)",
    answers: "learning-agency-lab-automated-essay-scoring-2/prepared/private/answers.csv",
    sampleSubmission: "learning-agency-lab-automated-essay-scoring-2/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: TARGET, kind: "integer" },
    ],
    answersColumns: [ID, TARGET],
    metric: { id: "quadratic-weighted-kappa", options: { weights: "quadratic" } },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "sort both by essay_id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Weights use each score's position among the scores present in the truth or the predictions, not its value",
      "Non-integer scores such as 3.4 (raw regression output) crash the grader; integral floats such as 3.0 are fine",
      "A submission with a different number of rows crashes the grader (numpy cannot compare the id arrays) instead of being reported invalid, unless it has exactly one row",
    ],
  },
  (submission, answers) => {
    const ans = answersTable(answers, [ID, TARGET]);
    requireColumns(submission, [TARGET, ID]);
    requireRows(submission);
    const sub = submission.sortBy(ID);
    const sortedAnswers = ans.sortBy(ID);
    // numpy compares the sorted id arrays element-wise: arrays of different lengths cannot be
    // compared (a crash) unless one has a single element, which broadcasts (a mismatch).
    const comparable = sub.length === sortedAnswers.length || sub.length === 1 || sortedAnswers.length === 1;
    requireSameSortedIds(sub, sortedAnswers, ID, ID, { upstream: comparable ? "invalid" : "error" });
    return quadraticWeightedKappa(labelsOf(sortedAnswers.col(TARGET)), labelsOf(sub.col(TARGET)));
  },
);
