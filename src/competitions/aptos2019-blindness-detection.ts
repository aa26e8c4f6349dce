import { quadraticWeightedKappa } from "../../metrics/quadratic-weighted-kappa.js";
import { requireColumns, requireRows, requireSameIdSet, requireSameSortedIds } from "../grader/checks.js";
import { answersTable, labelsOf } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

const ID = "id_code";
const TARGET = "diagnosis";

export default defineCompetition(
  {
    id: "aptos2019-blindness-detection",
    name: "APTOS 2019 Blindness Detection",
    splits: ["low"],
    category: "Image Classification",
    answers: "aptos2019-blindness-detection/prepared/private/test.csv",
    sampleSubmission: "aptos2019-blindness-detection/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: TARGET, kind: "integer" },
    ],
    answersColumns: [ID, TARGET],
    metric: { id: "quadratic-weighted-kappa", options: { weights: "quadratic" } },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "id_code sets must be equal; sort both by id_code; rows paired in that order",
    knownIssues: [
      "Weights use each grade's position among the grades present in the truth or the predictions, not its value: with no grade 3 anywhere, grades 2 and 4 are one step apart",
      "Non-integer grades such as 2.5 (raw regression output) crash the grader; integral floats such as 2.0 are fine",
      "A missing id_code column crashes the grader (KeyError) instead of being reported invalid",
      "Ids are compared as sets: a duplicated id_code passes that check and then crashes on the length mismatch",
    ],
  },
  (submission, answers) => {
    const ans = answersTable(answers, [ID, TARGET]);
    requireColumns(submission, [TARGET]);
    requireRows(submission);
    requireColumns(submission, [ID], { upstream: "error" });
    requireSameIdSet(submission, ans, ID);
    const sub = submission.sortBy(ID);
    const sortedAnswers = ans.sortBy(ID);
    // Equal id sets with a different row count means duplicates: scikit-learn's length check raises.
    requireSameSortedIds(sub, sortedAnswers, ID, ID, { upstream: "error" });
    return quadraticWeightedKappa(labelsOf(sortedAnswers.col(TARGET)), labelsOf(sub.col(TARGET)));
  },
);
