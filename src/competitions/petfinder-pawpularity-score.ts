import { rootMeanSquaredError } from "../../metrics/root-mean-squared-error.js";
import { failCells, requireColumns, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import { numpyNumbers } from "../grader/regression.js";
import { defineCompetition } from "./define.js";

const ID = "Id";
const TARGET = "Pawpularity";

export default defineCompetition(
  {
    id: "petfinder-pawpularity-score",
    name: "PetFinder.my - Pawpularity Contest",
    splits: ["medium"],
    category: "Image Regression",
    answers: "petfinder-pawpularity-score/prepared/private/test.csv",
    sampleSubmission: "petfinder-pawpularity-score/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: TARGET, kind: "number", range: [1, 100] },
    ],
    answersColumns: [ID, TARGET],
    metric: { id: "root-mean-squared-error" },
    direction: "minimize",
    awardsMedals: true,
    rowMatching: "sort both by Id; sorted Ids must be equal; rows paired in that order",
    knownIssues: [
      "The header must be exactly 'Id,Pawpularity': the description's 'Id, Pawpularity' (with a space) names a column ' Pawpularity' and is rejected",
      "A submission with a different number of rows crashes the id comparison (null score) instead of being reported as invalid",
      "Text in the Pawpularity column crashes the range check (null score)",
    ],
  },
  (submission, answers) => {
    const ans = answersTable(answers, [ID, TARGET]);
    requireColumns(submission, [ID, TARGET]);
    // `between(1, 100)`: text cannot be compared with numbers (TypeError); NaN is out of range.
    const values = numpyNumbers(submission, submission.col(TARGET));
    const outside: number[] = [];
    for (let i = 0; i < values.length; i++) if (!(values[i]! >= 1 && values[i]! <= 100)) outside.push(i);
    if (outside.length > 0) failCells(submission, submission.col(TARGET), outside, "OUT_OF_RANGE", "a number in [1, 100]");
    const sub = submission.sortBy(ID);
    const sortedAnswers = ans.sortBy(ID);
    // `sub_ids != ans_ids` on numpy arrays: a single row broadcasts (and mismatches); other lengths crash.
    if (sub.length !== 1) requireSameLength(sub, sortedAnswers, { upstream: "error" });
    requireSameSortedIds(sub, sortedAnswers, ID, ID, { upstream: "invalid" });
    return rootMeanSquaredError(floatsOf(sortedAnswers, sortedAnswers.col(TARGET)), floatsOf(sub, sub.col(TARGET)));
  },
);
