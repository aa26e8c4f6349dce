import { microF1 } from "../../metrics/micro-f1.js";
import { alignBySortedIds } from "../grader/align.js";
import { labelsOf } from "../grader/prepare.js";
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
      "A missing species, or a species column that pandas reads as numbers, crashes the grader (scikit-learn rejects mixed label types), so the score is null",
    ],
  },
  (submission, answers) => {
    const { yTrue, yPred } = alignBySortedIds(submission, answers, { id: "file", target: "species", order: "columns-first" });
    return microF1(labelsOf(yTrue), labelsOf(yPred));
  },
);
