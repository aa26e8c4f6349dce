import { wordJaccard } from "../../metrics/word-jaccard.js";
import { alignBySortedIds } from "../grader/align.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "tweet-sentiment-extraction",
    name: "Tweet Sentiment Extraction",
    splits: ["medium"],
    category: "Text (span extraction)",
    answers: "tweet-sentiment-extraction/prepared/private/test.csv",
    sampleSubmission: "tweet-sentiment-extraction/prepared/public/sample_submission.csv",
    columns: [
      { name: "textID", kind: "id" },
      { name: "selected_text", kind: "text" },
    ],
    answersColumns: ["textID", "selected_text"],
    metric: { id: "word-jaccard", options: { bothEmpty: "error" } },
    direction: "maximize",
    awardsMedals: true,
    rounding: "python",
    rowMatching: "sort both by textID; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "A row where neither the answer nor the prediction has a word divides by zero: the whole submission scores null (Kaggle's published formula does the same)",
      "Cells are read with fillna('') then astype(str): a number is compared as its text ('5', '5.0')",
    ],
  },
  (submission, answers) => {
    const { yTrue, yPred } = alignBySortedIds(submission, answers, { id: "textID", target: "selected_text", order: "columns-first" });
    return wordJaccard(yTrue.fillMissing("").toStrings(), yPred.fillMissing("").toStrings(), { bothEmpty: "error" });
  },
);
