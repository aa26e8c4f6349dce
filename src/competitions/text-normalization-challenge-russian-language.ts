import { accuracy } from "../../metrics/accuracy.js";
import { prepareForAccuracy } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "text-normalization-challenge-russian-language",
    name: "Text Normalization Challenge - Russian Language",
    splits: ["low"],
    category: "Seq->Seq",
    answers: "text-normalization-challenge-russian-language/prepared/private/answers.csv",
    sampleSubmission: "text-normalization-challenge-russian-language/prepared/private/sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "after", kind: "text", allowEmpty: true },
    ],
    answersColumns: ["id", "after"],
    metric: { id: "accuracy" },
    direction: "maximize",
    awardsMedals: true,
    rounding: "python",
    rowMatching: "sort both by id (text order: 10_0 before 2_0); sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Both columns are converted with astype(str): every missing-value spelling (empty, NA, null, nan, None, …) becomes the text 'nan' on both sides, so an empty prediction matches an empty or 'None' answer",
      "Comparison is exact: case, whitespace and Unicode normalisation (NFC vs NFD, ё vs е) all count",
      "A submission column whose cells are all numbers is read as numbers before astype(str), so '007' becomes '7' and '3.50' becomes '3.5'",
    ],
  },
  (submission, answers) => {
    const { yTrue, yPred } = prepareForAccuracy(submission, answers, "after", "id");
    return accuracy(yTrue.toStrings(), yPred.toStrings());
  },
);
