import { singleColumnAurocGrader } from "../grader/auroc.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "mlsp-2013-birds",
    name: "MLSP 2013 Bird Classification Challenge",
    splits: ["low"],
    category: "Audio Classification",
    answers: "mlsp-2013-birds/prepared/private/answers.csv",
    sampleSubmission: "mlsp-2013-birds/prepared/public/sample_submission.csv",
    columns: [
      { name: "Id", kind: "id" },
      { name: "Probability", kind: "probability", range: [0, 1] },
    ],
    answersColumns: ["Id", "Probability"],
    metric: { id: "roc-auc" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "sort both by Id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "one AUC pooled over every (recording, species) row, Id = rec_id * 100 + species, not the per-species mean",
      "scores must lie in [0, 1] although ROC AUC only uses their order: a value outside is rejected",
      "a NaN score passes the range check and then crashes scikit-learn (null score)",
      "a score column that pandas reads as text is rejected when pd.to_numeric fails on it and crashes when it succeeds (min() compares text with 0)",
    ],
  },
  singleColumnAurocGrader("Id", "Probability"),
);
