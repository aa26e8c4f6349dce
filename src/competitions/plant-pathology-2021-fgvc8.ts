import { microF1LabelSets } from "../../metrics/micro-f1.js";
import { alignBySortedIds } from "../grader/align.js";
import { answerLabelSets, requireMultilabelVocabulary, submittedLabelSets } from "../grader/label-sets.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "plant-pathology-2021-fgvc8",
    name: "Plant Pathology 2021 - FGVC8",
    splits: ["medium"],
    category: "Image classification (multi-label)",
    answers: "plant-pathology-2021-fgvc8/prepared/private/answers.csv",
    sampleSubmission: "plant-pathology-2021-fgvc8/prepared/public/sample_submission.csv",
    columns: [
      { name: "image", kind: "id" },
      { name: "labels", kind: "text", allowEmpty: true, format: "labels separated by whitespace", labels: ["healthy", "scab", "frog_eye_leaf_spot", "rust", "complex", "powdery_mildew"] },
    ],
    answersColumns: ["image", "labels"],
    metric: { id: "micro-f1" },
    direction: "maximize",
    awardsMedals: false,
    rowMatching: "sort both by image; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Only labels that appear somewhere in the answers count: other predicted labels are ignored rather than counted as false positives (kaggle mode counts them)",
      "Micro F1 pools all (image, label) cells; Kaggle's leaderboard used the mean of per-image F1 scores, which neither mode reproduces",
      "A label repeated in a row counts once",
    ],
  },
  (submission, answers, context) => {
    const { yTrue, yPred, submission: sorted } = alignBySortedIds(submission, answers, { id: "image", target: "labels", order: "columns-first" });
    const { sets: truth, classes } = answerLabelSets(yTrue, "fail");
    if (context.mode === "mlebench") requireMultilabelVocabulary(sorted, classes);
    const predicted = submittedLabelSets(sorted, yPred);
    return microF1LabelSets(truth, predicted, { classes: context.mode === "mlebench" ? classes : null });
  },
);
