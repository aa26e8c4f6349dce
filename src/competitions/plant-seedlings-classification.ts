import { microF1 } from "../../metrics/micro-f1.js";
import { alignBySortedIds } from "../grader/align.js";
import { listLabelsOf } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

const SPECIES = [
  "Black-grass", "Charlock", "Cleavers", "Common Chickweed", "Common wheat", "Fat Hen", "Loose Silky-bent", "Maize",
  "Scentless Mayweed", "Shepherds Purse", "Small-flowered Cranesbill", "Sugar beet",
];

export default defineCompetition(
  {
    id: "plant-seedlings-classification",
    name: "Plant Seedlings Classification",
    splits: ["dev"],
    category: "Image classification",
    answers: "plant-seedlings-classification/prepared/private/answers.csv",
    sampleSubmission: "plant-seedlings-classification/prepared/public/sample_submission.csv",
    columns: [
      { name: "file", kind: "id" },
      { name: "species", kind: "label", labels: SPECIES },
    ],
    answersColumns: ["file", "species"],
    metric: { id: "micro-f1" },
    direction: "maximize",
    awardsMedals: false,
    rowMatching: "sort both by file; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Micro F1 over single labels equals accuracy",
      "An empty species among names counts as the wrong label \"nan\" (numpy turns the list into text); a species column that is all empty or that pandas reads as numbers crashes the grader (scikit-learn rejects NaN and mixed label types), so the score is null",
    ],
  },
  (submission, answers) => {
    const { yTrue, yPred } = alignBySortedIds(submission, answers, { id: "file", target: "species", order: "columns-first" });
    // The grader passes `.tolist()`: numpy turns an empty cell among species names into the text "nan".
    return microF1(listLabelsOf(yTrue), listLabelsOf(yPred));
  },
);
