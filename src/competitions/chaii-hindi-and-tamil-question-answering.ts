import { wordJaccard, wordSet } from "../../metrics/word-jaccard.js";
import { alignBySortedIds } from "../grader/align.js";
import { fail } from "../grader/checks.js";
import { textCells } from "../grader/text.js";
import { defineCompetition } from "./define.js";

/** How many distinct words the texts hold, counting no further than `limit`. */
function distinctWords(texts: readonly string[], limit: number): number {
  const seen = new Set<string>();
  for (const text of texts) {
    for (const word of wordSet(text)) {
      seen.add(word);
      if (seen.size >= limit) return seen.size;
    }
  }
  return seen.size;
}

export default defineCompetition(
  {
    id: "chaii-hindi-and-tamil-question-answering",
    name: "chaii - Hindi and Tamil Question Answering",
    splits: ["medium"],
    category: "Text (question answering, span extraction)",
    answers: "chaii-hindi-and-tamil-question-answering/prepared/private/test.csv",
    sampleSubmission: "chaii-hindi-and-tamil-question-answering/prepared/public/sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "PredictionString", kind: "text", allowEmpty: true },
    ],
    answersColumns: ["id", "PredictionString"],
    metric: { id: "word-jaccard", options: { bothEmpty: "zero" } },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "sort both by id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "A row where neither the answer nor the prediction has a word scores 0",
      "MLE-bench binarises the word sets with scikit-learn over the words of all rows: when all rows together hold fewer than two distinct words (for example an all-empty submission against one-word answers), scikit-learn rejects the input and the score is null; kaggle mode scores such submissions",
      "A PredictionString column that pandas reads as numbers or booleans crashes the grader (.lower() on a number)",
    ],
  },
  (submission, answers, context) => {
    const { yTrue, yPred, submission: sorted, answers: sortedAnswers } = alignBySortedIds(submission, answers, {
      id: "id",
      target: "PredictionString",
      order: "length-first",
    });
    const predicted = textCells(sorted, yPred, { missing: "empty" });
    const truth = textCells(sortedAnswers, yTrue, { missing: "empty" });
    if (context.mode === "mlebench") {
      // MultiLabelBinarizer over the union of all words: scikit-learn needs at least two columns
      // to see multilabel data (one column is rejected as sparse binary input, none as "unknown").
      const words = distinctWords([...predicted, ...truth], 2);
      if (words < 2) {
        fail("UNDEFINED_METRIC", `${sorted.file ?? "submission"}: expected at least two distinct words across the answers and predictions, got ${words} (scikit-learn's jaccard_score cannot binarise them)`, {
          upstream: "error",
        });
      }
    }
    return wordJaccard(truth, predicted, { bothEmpty: "zero" });
  },
);
