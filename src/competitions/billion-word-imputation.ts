import { meanLevenshteinDistance } from "../../metrics/levenshtein-distance.js";
import { alignBySortedIds } from "../grader/align.js";
import { textCells } from "../grader/text.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "billion-word-imputation",
    name: "Billion Word Imputation",
    splits: ["medium"],
    category: "Text (sequence to sequence)",
    answers: "billion-word-imputation/prepared/private/test.csv",
    sampleSubmission: "billion-word-imputation/prepared/private/sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "sentence", kind: "text" },
    ],
    answersColumns: ["id", "sentence"],
    metric: { id: "levenshtein-distance" },
    direction: "minimize",
    awardsMedals: false,
    rowMatching: "sort both by id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "An empty sentence (or one pandas reads as missing, such as NA, null or None) crashes MLE-bench's grader (Levenshtein gets a float), so the whole submission scores null; kaggle mode scores it as an empty sentence",
      "A sentence column that pandas reads as numbers (every sentence a number) also crashes the grader",
      "Distances count Unicode code points, so an emoji is one character",
    ],
  },
  (submission, answers, context) => {
    const { yTrue, yPred, submission: sorted, answers: sortedAnswers } = alignBySortedIds(submission, answers, { id: "id", target: "sentence", order: "columns-first" });
    if (context.mode === "kaggle") {
      return meanLevenshteinDistance(yTrue.fillMissing("").toStrings(), yPred.fillMissing("").toStrings());
    }
    // Levenshtein.distance raises TypeError on a missing or numeric cell on either side.
    return meanLevenshteinDistance(textCells(sortedAnswers, yTrue, { missing: "fail" }), textCells(sorted, yPred, { missing: "fail" }));
  },
);
