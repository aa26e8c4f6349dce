import { accuracy } from "../../metrics/accuracy.js";
import { labelsOf, prepareForAccuracy } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "cassava-leaf-disease-classification",
    name: "Cassava Leaf Disease Classification",
    splits: ["medium"],
    category: "Image Classification",
    answers: "cassava-leaf-disease-classification/prepared/private/test.csv",
    sampleSubmission: "cassava-leaf-disease-classification/prepared/public/sample_submission.csv",
    columns: [
      { name: "image_id", kind: "id" },
      { name: "label", kind: "integer" },
    ],
    answersColumns: ["image_id", "label"],
    metric: { id: "accuracy" },
    direction: "maximize",
    awardsMedals: true,
    rounding: "python",
    rowMatching: "sort both by image_id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Labels compare as pandas types them: one non-numeric cell makes the whole column text, and text never equals the integer answers (score 0, not an error); integral floats such as 3.0 match",
      "A decimal label such as 2.5 or an empty cell crashes the grader (scikit-learn rejects continuous or NaN targets)",
    ],
  },
  (submission, answers) => {
    const { yTrue, yPred } = prepareForAccuracy(submission, answers, "label", "image_id");
    return accuracy(labelsOf(yTrue), labelsOf(yPred));
  },
);
