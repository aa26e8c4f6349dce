import { probabilisticF1 } from "../../metrics/probabilistic-f1.js";
import { requireColumns, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { pandasNumbers } from "../grader/log-loss.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

export default defineCompetition(
  {
    id: "rsna-breast-cancer-detection",
    name: "RSNA Screening Mammography Breast Cancer Detection",
    splits: ["high"],
    category: "Image Classification",
    answers: "rsna-breast-cancer-detection/prepared/private/answers.csv",
    sampleSubmission: "rsna-breast-cancer-detection/prepared/public/sample_submission.csv",
    columns: [
      { name: "prediction_id", kind: "id", format: "<patient_id>_<laterality>, e.g. 10008_L" },
      { name: "cancer", kind: "probability", range: [0, 1] },
    ],
    answersColumns: ["prediction_id", "cancer"],
    metric: { id: "probabilistic-f1", options: { beta: 1 } },
    direction: "maximize",
    awardsMedals: true,
    rounding: "numpy",
    rowMatching: "both sorted by prediction_id; the sorted ids must be equal position by position",
    knownIssues: [
      "Predictions outside [0, 1] are clipped, not rejected",
      "A single NaN prediction makes the score 0 (Python's min/max pass NaN through), and it is still a valid submission",
      "Ids written 0-L (with a dash, as the competition's description shows) do not match the answers' 0_L and are invalid",
    ],
  },
  (submission, answers) => {
    const ans = answersTable(answers, ["prediction_id", "cancer"]);
    requireColumns(submission, ["prediction_id"]);
    requireColumns(submission, ["cancer"]);
    requireSameLength(submission, ans);
    const sub = submission.sortBy("prediction_id");
    const sortedAnswers = ans.sortBy("prediction_id");
    requireSameSortedIds(sub, sortedAnswers, "prediction_id");
    return probabilisticF1(floatsOf(sortedAnswers, sortedAnswers.col("cancer")), pandasNumbers(sub, sub.col("cancer")), { beta: 1 });
  },
);
