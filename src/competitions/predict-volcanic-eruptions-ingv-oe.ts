import { meanAbsoluteError } from "../../metrics/mean-absolute-error.js";
import { requireColumns, requireSameIdSet, requireSameSortedIds } from "../grader/checks.js";
import { innerMergeOn } from "../grader/merge.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import { sklearnFloats } from "../grader/regression.js";
import { roundHalfEven } from "../rounding.js";
import { defineCompetition } from "./define.js";

const ID = "segment_id";
const TARGET = "time_to_eruption";

export default defineCompetition(
  {
    id: "predict-volcanic-eruptions-ingv-oe",
    name: "INGV - Volcanic Eruption Prediction",
    splits: ["high"],
    category: "Signal Regression",
    answers: "predict-volcanic-eruptions-ingv-oe/prepared/private/test.csv",
    sampleSubmission: "predict-volcanic-eruptions-ingv-oe/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: TARGET, kind: "number" },
    ],
    answersColumns: [ID, TARGET],
    metric: { id: "mean-absolute-error" },
    direction: "minimize",
    awardsMedals: false,
    rounding: "int",
    rowMatching: "inner merge of the answers with the submission on segment_id; id sets must be equal (duplicates are kept; kaggle mode rejects them)",
    knownIssues: [
      "The score is the MAE rounded to an integer, half to even (2.5 -> 2, 3.5 -> 4), as Python's round() does",
      "Duplicate segment_ids are not rejected: the merge repeats the answer row for each duplicate and all copies are scored (kaggle mode rejects them)",
      "A missing or infinite prediction crashes the metric (null score) instead of being reported as invalid",
    ],
  },
  (submission, answers, context) => {
    const ans = answersTable(answers, [TARGET, ID]);
    requireColumns(submission, [TARGET, ID]);
    requireSameIdSet(submission, ans, ID);
    if (context.mode === "kaggle") requireSameSortedIds(submission, ans, ID, ID, { upstream: "invalid" });
    const merged = innerMergeOn(ans, submission, ID);
    const yTrue = floatsOf(ans, ans.col(TARGET).take(merged.left));
    const yPred = sklearnFloats(submission, submission.col(TARGET).take(merged.right));
    return roundHalfEven(meanAbsoluteError(yTrue, yPred));
  },
);
