import { singleColumnAurocGrader } from "../grader/auroc.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "tabular-playground-series-may-2022",
    name: "Tabular Playground Series - May 2022",
    splits: ["low"],
    category: "Tabular",
    answers: "tabular-playground-series-may-2022/prepared/private/test.csv",
    sampleSubmission: "tabular-playground-series-may-2022/prepared/public/sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "target", kind: "probability", range: [0, 1] },
    ],
    answersColumns: ["id", "target"],
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
  singleColumnAurocGrader("id", "target"),
);
