import { accuracy } from "../../metrics/accuracy.js";
import { labelsOf, prepareForAccuracy } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "spaceship-titanic",
    name: "Spaceship Titanic",
    splits: ["dev"],
    category: "Tabular",
    answers: "spaceship-titanic/prepared/private/test.csv",
    sampleSubmission: "spaceship-titanic/prepared/public/sample_submission.csv",
    columns: [
      { name: "PassengerId", kind: "id" },
      { name: "Transported", kind: "boolean" },
    ],
    answersColumns: ["PassengerId", "Transported"],
    metric: { id: "accuracy" },
    direction: "maximize",
    awardsMedals: false,
    rounding: "python",
    rowMatching: "sort both by PassengerId; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Transported is read as a boolean column; 1/0 integers compare equal to True/False, but the text 'yes'/'no' does not and fails as a label type mismatch",
    ],
  },
  (submission, answers) => {
    const { yTrue, yPred } = prepareForAccuracy(submission, answers, "Transported", "PassengerId");
    return accuracy(labelsOf(yTrue), labelsOf(yPred));
  },
);
