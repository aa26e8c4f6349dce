import { singleColumnAurocGrader } from "../grader/auroc.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "siim-isic-melanoma-classification",
    name: "SIIM-ISIC Melanoma Classification",
    splits: ["low"],
    category: "Image Classification",
    answers: "siim-isic-melanoma-classification/prepared/private/test.csv",
    sampleSubmission: "siim-isic-melanoma-classification/prepared/public/sample_submission.csv",
    columns: [
      { name: "image_name", kind: "id" },
      { name: "target", kind: "probability", range: [0, 1] },
    ],
    answersColumns: ["image_name", "target"],
    metric: { id: "roc-auc" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "sort both by image_name; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "scores must lie in [0, 1] although ROC AUC only uses their order: a value outside is rejected",
      "a NaN score passes the range check and then crashes scikit-learn (null score)",
      "a score column that pandas reads as text is rejected when pd.to_numeric fails on it and crashes when it succeeds (min() compares text with 0)",
    ],
  },
  singleColumnAurocGrader("image_name", "target"),
);
