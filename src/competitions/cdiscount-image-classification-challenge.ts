import { accuracy } from "../../metrics/accuracy.js";
import { labelsOf, prepareForAccuracy } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "cdiscount-image-classification-challenge",
    name: "Cdiscount’s Image Classification Challenge",
    splits: ["medium"],
    category: "Image Classification",
    answers: "cdiscount-image-classification-challenge/prepared/private/answers.csv",
    sampleSubmission: "cdiscount-image-classification-challenge/prepared/public/sample_submission.csv",
    columns: [
      { name: "_id", kind: "id" },
      { name: "category_id", kind: "integer" },
    ],
    answersColumns: ["_id", "category_id"],
    metric: { id: "accuracy" },
    direction: "maximize",
    awardsMedals: true,
    rounding: "python",
    rowMatching: "sort both by _id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Labels compare as pandas types them: one non-numeric cell makes the whole column text, and text never equals the integer answers (score 0, not an error); integral floats such as 3.0 match",
      "A decimal label such as 2.5 or an empty cell crashes the grader (scikit-learn rejects continuous or NaN targets)",
    ],
  },
  (submission, answers) => {
    const { yTrue, yPred } = prepareForAccuracy(submission, answers, "category_id", "_id");
    return accuracy(labelsOf(yTrue), labelsOf(yPred));
  },
);
