import { singleColumnAurocGrader } from "../grader/auroc.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "histopathologic-cancer-detection",
    name: "Histopathologic Cancer Detection",
    splits: ["low"],
    category: "Image Regression",
    answers: "histopathologic-cancer-detection/prepared/private/answers.csv",
    sampleSubmission: "histopathologic-cancer-detection/prepared/public/sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "label", kind: "probability", range: [0, 1] },
    ],
    answersColumns: ["id", "label"],
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
  singleColumnAurocGrader("id", "label"),
);
