import { microF1LabelSets } from "../../metrics/micro-f1.js";
import { alignBySortedIds } from "../grader/align.js";
import { answerLabelSets, requireMultilabelVocabulary, submittedLabelSets } from "../grader/label-sets.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "imet-2020-fgvc7",
    name: "iMet Collection 2020 - FGVC7",
    splits: ["medium"],
    category: "Image classification (multi-label)",
    answers: "imet-2020-fgvc7/prepared/private/answers.csv",
    sampleSubmission: "imet-2020-fgvc7/prepared/public/sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "attribute_ids", kind: "text", allowEmpty: true, format: "attribute ids separated by whitespace" },
    ],
    answersColumns: ["id", "attribute_ids"],
    metric: { id: "micro-f1" },
    direction: "maximize",
    awardsMedals: false,
    rowMatching: "sort both by id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Only attribute ids that appear somewhere in the answers count: other predicted ids are ignored rather than counted as false positives (kaggle mode counts them)",
      "When every row holds a single numeric id, pandas reads the column as numbers and the grader crashes (it calls .str on it), so the score is null",
      "Ids are compared as text: '007' does not match '7'; an id repeated in a row counts once",
    ],
  },
  (submission, answers, context) => {
    const { yTrue, yPred, submission: sorted } = alignBySortedIds(submission, answers, { id: "id", target: "attribute_ids", order: "columns-first" });
    const { sets: truth, classes } = answerLabelSets(yTrue, "fail");
    if (context.mode === "mlebench") requireMultilabelVocabulary(sorted, classes);
    const predicted = submittedLabelSets(sorted, yPred);
    return microF1LabelSets(truth, predicted, { classes: context.mode === "mlebench" ? classes : null });
  },
);
