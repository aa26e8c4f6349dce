import { top1Error } from "../../metrics/top-1-error.js";
import { firstLabelsOf, prepareClassIds } from "../grader/classes.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "inaturalist-2019-fgvc6",
    name: "iNaturalist 2019 at FGVC6",
    splits: ["medium"],
    category: "Image Classification",
    answers: "inaturalist-2019-fgvc6/prepared/private/answers.csv",
    sampleSubmission: "inaturalist-2019-fgvc6/prepared/public/kaggle_sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "predicted", kind: "prediction-string", format: "class ids separated by spaces, best first; only the first is scored" },
    ],
    answersColumns: ["id", "predicted"],
    metric: { id: "top-1-error" },
    direction: "minimize",
    awardsMedals: false,
    rounding: "python",
    rowMatching: "sort both by id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Only the first id of each list is scored; the rest are ignored",
      "If pandas reads the predicted column as decimals (a cell such as 12.0, or any empty cell) the grader crashes: it splits the text of each cell and a float has none",
      "A blank cell or a first token that is not an integer crashes the grader",
    ],
  },
  (submission, answers) => {
    const { yTrue, yPred } = prepareClassIds(submission, answers, "id", "predicted", firstLabelsOf);
    return top1Error(yTrue, yPred);
  },
);
