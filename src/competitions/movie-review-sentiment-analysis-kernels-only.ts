import { accuracy } from "../../metrics/accuracy.js";
import { labelsOf, prepareForAccuracy } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "movie-review-sentiment-analysis-kernels-only",
    name: "Movie Review Sentiment Analysis (Kernels Only)",
    splits: ["dev"],
    category: "Text Classification",
    answers: "movie-review-sentiment-analysis-kernels-only/prepared/private/answers.csv",
    sampleSubmission: "movie-review-sentiment-analysis-kernels-only/prepared/public/sampleSubmission.csv",
    columns: [
      { name: "PhraseId", kind: "id" },
      { name: "Sentiment", kind: "integer" },
    ],
    answersColumns: ["PhraseId", "Sentiment"],
    metric: { id: "accuracy" },
    direction: "maximize",
    awardsMedals: false,
    rounding: "python",
    rowMatching: "sort both by PhraseId; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "Labels compare as pandas types them: one non-numeric cell makes the whole column text, and text never equals the integer answers (score 0, not an error); integral floats such as 3.0 match",
      "A decimal label such as 2.5 or an empty cell crashes the grader (scikit-learn rejects continuous or NaN targets)",
    ],
  },
  (submission, answers) => {
    const { yTrue, yPred } = prepareForAccuracy(submission, answers, "Sentiment", "PhraseId");
    return accuracy(labelsOf(yTrue), labelsOf(yPred));
  },
);
