import { singleColumnAurocGrader } from "../grader/auroc.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "the-icml-2013-whale-challenge-right-whale-redux",
    name: "The ICML 2013 Whale Challenge - Right Whale Redux",
    splits: ["low"],
    category: "Audio Classification",
    answers: "the-icml-2013-whale-challenge-right-whale-redux/prepared/private/test.csv",
    sampleSubmission: "the-icml-2013-whale-challenge-right-whale-redux/prepared/public/sampleSubmission.csv",
    columns: [
      { name: "clip", kind: "id" },
      { name: "probability", kind: "probability", range: [0, 1] },
    ],
    answersColumns: ["clip", "probability"],
    metric: { id: "roc-auc" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "sort both by clip; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "scores must lie in [0, 1] although ROC AUC only uses their order: a value outside is rejected",
      "a NaN score passes the range check and then crashes scikit-learn (null score)",
      "a score column that pandas reads as text is rejected when pd.to_numeric fails on it and crashes when it succeeds (min() compares text with 0)",
    ],
  },
  singleColumnAurocGrader("clip", "probability"),
);
