import { accuracy } from "../../metrics/accuracy.js";
import { renameColumn } from "../grader/classes.js";
import { labelsOf, prepareForAccuracy } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "iwildcam-2020-fgvc7",
    name: "iWildCam 2020 - FGVC7",
    splits: ["medium"],
    category: "Image Classification",
    answers: "iwildcam-2020-fgvc7/prepared/private/answers.csv",
    sampleSubmission: "iwildcam-2020-fgvc7/prepared/public/sample_submission.csv",
    columns: [
      { name: "Id", kind: "id" },
      { name: "Category", kind: "integer" },
    ],
    answersColumns: ["Id", "Category"],
    metric: { id: "accuracy" },
    direction: "maximize",
    awardsMedals: false,
    rounding: "python",
    rowMatching: "sort both by Id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Labels compare as pandas types them: one non-numeric cell makes the whole column text, and text never equals the integer answers (score 0, not an error); integral floats such as 3.0 match",
      "A decimal label such as 2.5 or an empty cell crashes the grader (scikit-learn rejects continuous or NaN targets)",
      "The description's example header is Id,Predicted, but the grader requires a Category column; kaggle mode accepts Predicted when Category is absent",
    ],
  },
  (submission, answers, context) => {
    const kaggleHeader = context.mode === "kaggle" && !submission.has("Category") && submission.has("Predicted");
    const sub = kaggleHeader ? renameColumn(submission, "Predicted", "Category") : submission;
    const { yTrue, yPred } = prepareForAccuracy(sub, answers, "Category", "Id");
    return accuracy(labelsOf(yTrue), labelsOf(yPred));
  },
);
