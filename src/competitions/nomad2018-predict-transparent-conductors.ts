import { rootMeanSquaredLogError } from "../../metrics/root-mean-squared-log-error.js";
import { failCells, requireColumns, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import { sklearnFloats } from "../grader/regression.js";
import { defineCompetition } from "./define.js";

const TARGETS = ["formation_energy_ev_natom", "bandgap_energy_ev"] as const;

export default defineCompetition(
  {
    id: "nomad2018-predict-transparent-conductors",
    name: "Nomad2018 Predicting Transparent Conductors",
    splits: ["low"],
    category: "Tabular",
    answers: "nomad2018-predict-transparent-conductors/prepared/private/test.csv",
    sampleSubmission: "nomad2018-predict-transparent-conductors/prepared/public/sample_submission.csv",
    columns: [
      { name: "id", kind: "id", scored: false },
      { name: TARGETS[0], kind: "number", range: [0, Number.MAX_VALUE] },
      { name: TARGETS[1], kind: "number", range: [0, Number.MAX_VALUE] },
    ],
    answersColumns: ["id", ...TARGETS],
    metric: { id: "root-mean-squared-log-error" },
    direction: "minimize",
    awardsMedals: false,
    rowMatching: "none: rows are paired by file position and ids are not read (kaggle mode: sort both by id; sorted ids must be equal)",
    knownIssues: [
      "Rows are paired by position in the file, not by id: a submission in another row order is scored against the wrong answers, silently (kaggle mode pairs by id)",
      "Any negative prediction crashes scikit-learn 1.5.1's RMSLE (null score); scikit-learn 1.6 and kaggle mode accept values above -1",
      "The score is the mean of the two columns' RMSLE",
    ],
  },
  (submission, answers, context) => {
    const kaggle = context.mode === "kaggle";
    let ans = answersTable(answers, [...TARGETS]);
    requireColumns(submission, TARGETS);
    requireSameLength(submission, ans);
    let sub = submission;
    if (kaggle) {
      answersTable(ans, ["id"]);
      requireColumns(submission, ["id"]);
      sub = submission.sortBy("id");
      ans = ans.sortBy("id");
      requireSameSortedIds(sub, ans, "id", "id", { upstream: "invalid" });
    }
    let total = 0;
    for (const name of TARGETS) {
      const yPred = sklearnFloats(sub, sub.col(name));
      const negative: number[] = [];
      for (let i = 0; i < yPred.length; i++) if (kaggle ? yPred[i]! <= -1 : yPred[i]! < 0) negative.push(i);
      if (negative.length > 0) failCells(sub, sub.col(name), negative, "OUT_OF_RANGE", kaggle ? "a number > -1" : "a non-negative number", "error");
      total += rootMeanSquaredLogError(floatsOf(ans, ans.col(name)), yPred, { domain: kaggle ? "above-minus-one" : "nonnegative" });
    }
    return total / TARGETS.length;
  },
);
