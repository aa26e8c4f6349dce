import { singleColumnAurocGrader } from "../grader/auroc.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "rsna-miccai-brain-tumor-radiogenomic-classification",
    name: "RSNA-MICCAI Brain Tumor Radiogenomic Classification",
    splits: ["high"],
    category: "Image Classification (3D MRI)",
    answers: "rsna-miccai-brain-tumor-radiogenomic-classification/prepared/private/test.csv",
    sampleSubmission: "rsna-miccai-brain-tumor-radiogenomic-classification/prepared/public/sample_submission.csv",
    columns: [
      { name: "BraTS21ID", kind: "id" },
      { name: "MGMT_value", kind: "probability", range: [0, 1] },
    ],
    answersColumns: ["BraTS21ID", "MGMT_value"],
    metric: { id: "roc-auc" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "sort both by BraTS21ID; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "scores must lie in [0, 1] although ROC AUC only uses their order: a value outside is rejected",
      "a NaN score passes the range check and then crashes scikit-learn (null score)",
      "a score column that pandas reads as text is rejected when pd.to_numeric fails on it and crashes when it succeeds (min() compares text with 0)",
    ],
  },
  singleColumnAurocGrader("BraTS21ID", "MGMT_value"),
);
