import { biasAuc } from "../../metrics/bias-auc.js";
import { diagnoseIds, fail, failCells, requireColumns } from "../grader/checks.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import type { Frame } from "../table/frame.js";
import { defineCompetition } from "./define.js";

const ID = "id";
const IDENTITIES = ["male", "female", "homosexual_gay_or_lesbian", "christian", "jewish", "muslim", "black", "white", "psychiatric_or_mental_illness"];

/**
 * `(sub.id.values != ans.id.values).any()` after sorting: element-wise with equal lengths (a
 * difference is Invalid); numpy broadcasts a single row against many; other lengths cannot be
 * compared and crash.
 */
function requireSameIds(sub: Frame, ans: Frame): void {
  const subIds = sub.col(ID);
  const ansIds = ans.col(ID);
  const diagnosis = diagnoseIds(sub, subIds, ansIds);
  if (!diagnosis) return;
  const comparable = subIds.length === ansIds.length || subIds.length === 1 || ansIds.length === 1;
  fail(diagnosis.code, diagnosis.message, { issues: diagnosis.issues, upstream: comparable ? "invalid" : "error" });
}

export default defineCompetition(
  {
    id: "jigsaw-unintended-bias-in-toxicity-classification",
    name: "Jigsaw Unintended Bias in Toxicity Classification",
    splits: ["medium"],
    category: "Text Classification",
    answers: "jigsaw-unintended-bias-in-toxicity-classification/prepared/private/test.csv",
    sampleSubmission: "jigsaw-unintended-bias-in-toxicity-classification/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: "prediction", kind: "number" },
    ],
    answersColumns: [ID, "toxicity", ...IDENTITIES],
    metric: { id: "bias-auc" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "sort both by id; sorted ids must be equal; subsets chosen from the answers and rows paired in sorted order",
    knownIssues: [
      "predictions are binarised at 0.5 before every AUC, so only which side of 0.5 a prediction falls on matters (Kaggle ranks the raw scores; kaggle mode does too)",
      "a prediction of exactly 0.5 counts as toxic and NaN counts as non-toxic",
      "the prediction column may be called toxicity instead; having both prediction and toxicity crashes the grader",
      "a submission with a different number of rows crashes (numpy cannot compare the id arrays) instead of being rejected",
    ],
  },
  (submission, answers, context) => {
    const ans = answersTable(answers, [ID, "toxicity", ...IDENTITIES]);
    requireColumns(submission, [ID]);
    if (!submission.has("prediction") && !submission.has("toxicity")) requireColumns(submission, ["prediction"]);
    const sub = submission.sortBy(ID);
    const sortedAnswers = ans.sortBy(ID);
    requireSameIds(sub, sortedAnswers);
    if (sub.has("prediction") && sub.has("toxicity")) {
      fail("DUPLICATE_COLUMN", `${submission.file ?? "submission"}: expected one prediction column, got both "prediction" and "toxicity"`, { upstream: "error" });
    }
    const predictions = sub.col(sub.has("prediction") ? "prediction" : "toxicity");
    // `1 if x >= 0.5 else 0` compares each cell with a number: text raises TypeError.
    if (predictions.cells) {
      const text = predictions.cells.flatMap((cell, i) => (typeof cell === "string" ? [i] : []));
      if (text.length > 0) failCells(sub, predictions, text, "NON_NUMERIC", "a number", "error");
    }
    const identities = Object.fromEntries(IDENTITIES.map((name) => [name, floatsOf(sortedAnswers, sortedAnswers.col(name))]));
    return biasAuc(floatsOf(sortedAnswers, sortedAnswers.col("toxicity")), floatsOf(sub, predictions), identities, {
      binarizePredictions: context.mode !== "kaggle",
    });
  },
);
