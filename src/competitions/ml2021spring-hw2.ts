import { accuracy } from "../../metrics/accuracy.js";
import { labelsOf, prepareForAccuracy } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "ml2021spring-hw2",
    name: "ML2021Spring-hw2",
    splits: ["dev"],
    category: "Audio (phoneme frame classification)",
    answers: "ml2021spring-hw2/prepared/private/answers.csv",
    sampleSubmission: "ml2021spring-hw2/prepared/public/sampleSubmission.csv",
    columns: [
      { name: "Id", kind: "id" },
      { name: "ClassId", kind: "integer" },
    ],
    answersColumns: ["Id", "ClassId"],
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
    const { yTrue, yPred } = prepareForAccuracy(submission, answers, "ClassId", "Id");
    return accuracy(labelsOf(yTrue), labelsOf(yPred));
  },
);
