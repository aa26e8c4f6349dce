import { meanColumnwiseRootMeanSquaredError } from "../../metrics/mean-columnwise-root-mean-squared-error.js";
import { requireColumns, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import { sklearnFloats } from "../grader/regression.js";
import { defineCompetition } from "./define.js";

const ID = "id_seqpos";
const SCORED = ["reactivity", "deg_Mg_pH10", "deg_Mg_50C"] as const;
const REQUIRED = [ID, ...SCORED, "deg_pH10", "deg_50C"];

export default defineCompetition(
  {
    id: "stanford-covid-vaccine",
    name: "OpenVaccine: COVID-19 mRNA Vaccine Degradation Prediction",
    splits: ["high"],
    category: "Sequence regression (RNA)",
    answers: "stanford-covid-vaccine/prepared/private/test.csv",
    sampleSubmission: "stanford-covid-vaccine/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: "reactivity", kind: "number" },
      { name: "deg_Mg_pH10", kind: "number" },
      { name: "deg_pH10", kind: "number", scored: false },
      { name: "deg_Mg_50C", kind: "number" },
      { name: "deg_50C", kind: "number", scored: false },
    ],
    answersColumns: [ID, ...SCORED, "keep"],
    metric: { id: "mean-columnwise-root-mean-squared-error" },
    direction: "minimize",
    awardsMedals: true,
    rowMatching:
      "sort both by id_seqpos; sorted ids must be equal; the submission row at file position i is scored when answers row i has keep=True (kaggle mode: when the answers row with the same id does); kept rows paired in id order",
    knownIssues: [
      "The keep mask is applied to the submission by file position, not by id (pandas aligns the boolean mask on the original row labels): a submission whose rows are not in the answers' order is scored on the wrong positions, silently",
      "deg_pH10 and deg_50C must be present but are not scored; missing values or text in unscored rows are ignored",
    ],
  },
  (submission, answers, context) => {
    const ans = answersTable(answers, [ID, ...SCORED, "keep"]);
    requireSameLength(submission, ans);
    requireColumns(submission, REQUIRED);
    const subOrder = submission.col(ID).argsort();
    const ansOrder = ans.col(ID).argsort();
    const sub = submission.take(subOrder);
    const sortedAnswers = ans.take(ansOrder);
    requireSameSortedIds(sub, sortedAnswers, ID, ID, { upstream: "invalid" });

    // keep[i] is the answers file's row i; mlebench pairs it with the submission's file row i.
    const keep = ans.col("keep");
    const kept = (row: number) => keep.get(row) === true || keep.get(row) === 1;
    const subRows: number[] = [];
    const ansRows: number[] = [];
    for (let j = 0; j < sub.length; j++) {
      if (kept(context.mode === "kaggle" ? ansOrder[j]! : subOrder[j]!)) subRows.push(j);
      if (kept(ansOrder[j]!)) ansRows.push(j);
    }
    const scoredSub = sub.take(subRows);
    const scoredAnswers = sortedAnswers.take(ansRows);
    const yTrue = SCORED.map((name) => floatsOf(scoredAnswers, scoredAnswers.col(name)));
    const yPred = SCORED.map((name) => sklearnFloats(scoredSub, scoredSub.col(name)));
    return meanColumnwiseRootMeanSquaredError(yTrue, yPred);
  },
);
