import { macroF1 } from "../../metrics/macro-f1.js";
import { prepareClassIds } from "../grader/classes.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "herbarium-2021-fgvc8",
    name: "Herbarium 2021 - FGVC8",
    splits: ["medium"],
    category: "Image Classification",
    answers: "herbarium-2021-fgvc8/prepared/private/answers.csv",
    sampleSubmission: "herbarium-2021-fgvc8/prepared/public/sample_submission.csv",
    columns: [
      { name: "Id", kind: "id" },
      { name: "Predicted", kind: "integer" },
    ],
    answersColumns: ["Id", "Predicted"],
    metric: { id: "macro-f1" },
    direction: "maximize",
    awardsMedals: false,
    rowMatching: "sort both by Id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Every label goes through Python's int(): text such as '12' or ' 12 ' works, '1.5' or '3 5' crashes the grader, and in a column pandas reads as decimals 3.7 is truncated to 3; an empty cell crashes it",
      "Macro F1 averages over every label that is true or predicted, so predicting a class absent from the answers adds a 0 to the mean",
    ],
  },
  (submission, answers) => {
    const { yTrue, yPred } = prepareClassIds(submission, answers, "Id", "Predicted");
    return macroF1(yTrue, yPred);
  },
);
