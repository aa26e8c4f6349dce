import { meanLevenshteinDistance } from "../../metrics/levenshtein-distance.js";
import { alignBySortedIds } from "../grader/align.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "bms-molecular-translation",
    name: "Bristol-Myers Squibb - Molecular Translation",
    splits: ["high"],
    category: "Image to text",
    answers: "bms-molecular-translation/prepared/private/test.csv",
    sampleSubmission: "bms-molecular-translation/prepared/public/sample_submission.csv",
    columns: [
      { name: "image_id", kind: "id" },
      { name: "InChI", kind: "text", allowEmpty: true },
    ],
    answersColumns: ["image_id", "InChI"],
    metric: { id: "levenshtein-distance" },
    direction: "minimize",
    awardsMedals: true,
    rowMatching: "sort both by image_id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Both InChI columns go through astype(str): an empty cell (or NA, null, None) is compared as the three letters 'nan'; kaggle mode compares it as an empty string",
      "Distances count Unicode code points",
    ],
  },
  (submission, answers, context) => {
    const { yTrue, yPred } = alignBySortedIds(submission, answers, { id: "image_id", target: "InChI", order: "length-first" });
    const asText = (column: typeof yTrue) => (context.mode === "kaggle" ? column.fillMissing("") : column).toStrings();
    return meanLevenshteinDistance(asText(yTrue), asText(yPred));
  },
);
