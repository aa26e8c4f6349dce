import { singleColumnAurocGrader } from "../grader/auroc.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "detecting-insults-in-social-commentary",
    name: "Detecting Insults in Social Commentary",
    splits: ["low"],
    category: "Text Classification",
    answers: "detecting-insults-in-social-commentary/prepared/private/test.csv",
    sampleSubmission: "detecting-insults-in-social-commentary/prepared/public/sample_submission_null.csv",
    columns: [
      { name: "Insult", kind: "probability", range: [0, 1] },
      { name: "Date", kind: "text", allowEmpty: true, scored: false },
      { name: "Comment", kind: "id" },
    ],
    answersColumns: ["Comment", "Insult"],
    metric: { id: "roc-auc" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "sort both by Comment; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "ids are the comment texts; rows with the same text are paired in file order (MLE-bench's unstable sort leaves their pairing undefined)",
      "scores must lie in [0, 1] although ROC AUC only uses their order: a value outside is rejected",
      "a NaN score passes the range check and then crashes scikit-learn (null score)",
      "a score column that pandas reads as text is rejected when pd.to_numeric fails on it and crashes when it succeeds (min() compares text with 0)",
    ],
  },
  singleColumnAurocGrader("Comment", "Insult"),
);
