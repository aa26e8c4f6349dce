import { singleColumnAurocGrader } from "../grader/auroc.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "invasive-species-monitoring",
    name: "Invasive Species Monitoring",
    splits: ["dev"],
    category: "Image Classification",
    answers: "invasive-species-monitoring/prepared/private/answers.csv",
    sampleSubmission: "invasive-species-monitoring/prepared/private/sample_submission.csv",
    columns: [
      { name: "name", kind: "id" },
      { name: "invasive", kind: "probability", range: [0, 1] },
    ],
    answersColumns: ["name", "invasive"],
    metric: { id: "roc-auc" },
    direction: "maximize",
    awardsMedals: false,
    rowMatching: "sort both by name; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "scores must lie in [0, 1] although ROC AUC only uses their order: a value outside is rejected",
      "a NaN score passes the range check and then crashes scikit-learn (null score)",
      "a score column that pandas reads as text is rejected when pd.to_numeric fails on it and crashes when it succeeds (min() compares text with 0)",
    ],
  },
  singleColumnAurocGrader("name", "invasive"),
);
