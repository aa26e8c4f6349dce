import { accuracy } from "../../metrics/accuracy.js";
import { labelsOf, prepareForAccuracy } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "tabular-playground-series-dec-2021",
    name: "Tabular Playground Series - Dec 2021",
    splits: ["low"],
    category: "Tabular",
    answers: "tabular-playground-series-dec-2021/prepared/private/test.csv",
    sampleSubmission: "tabular-playground-series-dec-2021/prepared/public/sample_submission.csv",
    columns: [
      { name: "Id", kind: "id" },
      { name: "Cover_Type", kind: "integer" },
    ],
    answersColumns: ["Id", "Cover_Type"],
    metric: { id: "accuracy" },
    direction: "maximize",
    awardsMedals: false,
    rounding: "python",
    rowMatching: "sort both by Id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Labels compare as pandas types them: one non-numeric cell makes the whole column text, and text never equals the integer answers (score 0, not an error); integral floats such as 3.0 match",
      "A decimal label such as 2.5 or an empty cell crashes the grader (scikit-learn rejects continuous or NaN targets)",
    ],
  },
  (submission, answers) => {
    const { yTrue, yPred } = prepareForAccuracy(submission, answers, "Cover_Type", "Id");
    return accuracy(labelsOf(yTrue), labelsOf(yPred));
  },
);
