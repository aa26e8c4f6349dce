import { macroF1 } from "../../metrics/macro-f1.js";
import { prepareClassIds, renameColumn } from "../grader/classes.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "iwildcam-2019-fgvc6",
    name: "iWildCam 2019 - FGVC6",
    splits: ["high"],
    category: "Image Classification",
    answers: "iwildcam-2019-fgvc6/prepared/private/answers.csv",
    sampleSubmission: "iwildcam-2019-fgvc6/prepared/public/sample_submission.csv",
    columns: [
      { name: "Id", kind: "id" },
      { name: "Category", kind: "integer" },
    ],
    answersColumns: ["Id", "Category"],
    metric: { id: "macro-f1" },
    direction: "maximize",
    awardsMedals: false,
    rowMatching: "sort both by Id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Every label goes through Python's int(): text such as '12' or ' 12 ' works, '1.5' or '3 5' crashes the grader, and in a column pandas reads as decimals 3.7 is truncated to 3; an empty cell crashes it",
      "Macro F1 averages over every label that is true or predicted, so predicting a class absent from the answers adds a 0 to the mean",
      "The description's example header is Id,Predicted, but the grader requires a Category column; kaggle mode accepts Predicted when Category is absent",
    ],
  },
  (submission, answers, context) => {
    const kaggleHeader = context.mode === "kaggle" && !submission.has("Category") && submission.has("Predicted");
    const sub = kaggleHeader ? renameColumn(submission, "Predicted", "Category") : submission;
    const { yTrue, yPred } = prepareClassIds(sub, answers, "Id", "Category");
    return macroF1(yTrue, yPred);
  },
);
