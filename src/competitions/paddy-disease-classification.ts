import { accuracy } from "../../metrics/accuracy.js";
import { AnswersError } from "../errors.js";
import { requireColumns, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { answersTable, labelsOf, listLabelsOf } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

const ID = "image_id";
const TARGET = "label";

export default defineCompetition(
  {
    id: "paddy-disease-classification",
    name: "Paddy Doctor: Paddy Disease Classification",
    splits: ["dev"],
    category: "Image Classification",
    answers: "paddy-disease-classification/prepared/private/test.csv",
    sampleSubmission: "paddy-disease-classification/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: TARGET, kind: "label", allowEmpty: true },
    ],
    answersColumns: [ID, TARGET],
    metric: { id: "accuracy" },
    direction: "maximize",
    awardsMedals: false,
    rounding: "python",
    rowMatching: "sort both by image_id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Empty labels are accepted and count as wrong (the grader fills them with an empty string), so the blank sample submission scores 0",
      "Labels are case-sensitive disease names; numeric labels never equal them",
    ],
  },
  (submission, answers) => {
    const ans = answersTable(answers, [ID, TARGET]);
    for (const column of ans.columns) {
      for (let i = 0; i < column.length; i++) {
        if (column.isMissing(i)) throw new AnswersError(`answers column "${column.name}" row ${i + 1}: expected a value, got a missing value`);
      }
    }
    requireColumns(submission, [ID, TARGET]);
    requireSameLength(submission, ans);
    const sub = submission.sortBy(ID);
    const sortedAnswers = ans.sortBy(ID);
    requireSameSortedIds(sub, sortedAnswers, ID);
    return accuracy(labelsOf(sortedAnswers.col(TARGET)), listLabelsOf(sub.col(TARGET).fillMissing("")));
  },
);
