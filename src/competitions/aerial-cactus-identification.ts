import { singleColumnAurocGrader } from "../grader/auroc.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "aerial-cactus-identification",
    name: "Aerial Cactus Identification",
    splits: ["low"],
    category: "Image Classification",
    answers: "aerial-cactus-identification/prepared/private/test.csv",
    sampleSubmission: "aerial-cactus-identification/prepared/public/sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "has_cactus", kind: "probability", range: [0, 1] },
    ],
    answersColumns: ["id", "has_cactus"],
    metric: { id: "roc-auc" },
    direction: "maximize",
    awardsMedals: false,
    rowMatching: "sort both by id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "scores must lie in [0, 1] although ROC AUC only uses their order: a value outside is rejected",
      "a NaN score passes the range check and then crashes scikit-learn (null score)",
      "a score column that pandas reads as text is rejected when pd.to_numeric fails on it and crashes when it succeeds (min() compares text with 0)",
    ],
  },
  singleColumnAurocGrader("id", "has_cactus"),
);
