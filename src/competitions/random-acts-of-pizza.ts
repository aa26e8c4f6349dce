import { singleColumnAurocGrader } from "../grader/auroc.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "random-acts-of-pizza",
    name: "Random Acts of Pizza",
    splits: ["low"],
    category: "Text Classification",
    answers: "random-acts-of-pizza/prepared/private/test.csv",
    sampleSubmission: "random-acts-of-pizza/prepared/public/sampleSubmission.csv",
    columns: [
      { name: "request_id", kind: "id" },
      { name: "requester_received_pizza", kind: "probability", range: [0, 1] },
    ],
    answersColumns: ["request_id", "requester_received_pizza"],
    metric: { id: "roc-auc" },
    direction: "maximize",
    awardsMedals: false,
    rowMatching: "sort both by request_id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "scores must lie in [0, 1] although ROC AUC only uses their order: a value outside is rejected",
      "a NaN score passes the range check and then crashes scikit-learn (null score)",
      "a score column that pandas reads as text is rejected when pd.to_numeric fails on it and crashes when it succeeds (min() compares text with 0)",
    ],
  },
  singleColumnAurocGrader("request_id", "requester_received_pizza"),
);
