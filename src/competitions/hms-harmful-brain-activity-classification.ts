import { allcloseToOne, klDivergence } from "../../metrics/kl-divergence.js";
import { matrixFromColumns } from "../../metrics/_probabilities.js";
import { AnswersError } from "../errors.js";
import { fail, failCells, requireColumns, requireSameIdSet, requireSameLength } from "../grader/checks.js";
import { pandasNumbers, pandasRowSums, requireRowSums } from "../grader/log-loss.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import { pythonRound } from "../rounding.js";
import type { Frame } from "../table/frame.js";
import { defineCompetition } from "./define.js";

const ID = "eeg_id";
const VOTES = ["seizure_vote", "lpd_vote", "gpd_vote", "lrda_vote", "grda_vote", "other_vote"];

/**
 * Kaggle's `verify_valid_probabilities` on every submission column but the id, extra columns
 * included: the columns must share a numeric dtype, lie in [0, 1] and sum to 1 per row
 * (`np.allclose`). Each failure is a ParticipantVisibleError upstream, i.e. a crash ("error").
 */
function verifySubmission(sub: Frame): void {
  const columns = sub.columns.filter((column) => column.name !== ID);
  const file = sub.file ?? "submission";
  const text = columns.find((column) => column.dtype === "object");
  const bools = columns.filter((column) => column.dtype === "bool");
  if (text || (bools.length > 0 && bools.length < columns.length)) {
    const culprit = text ?? bools[0]!;
    fail("NON_NUMERIC", `${file} column "${culprit.name}": expected numbers in every column but ${ID} (all of them are checked as probabilities), got ${text ? "text" : "booleans mixed with numbers"}`, {
      issues: [{ code: "NON_NUMERIC", message: `column "${culprit.name}" is not numeric`, file: sub.file, column: culprit.name, expected: "numbers" }],
      upstream: "error",
    });
  }
  for (const column of columns) {
    const values = pandasNumbers(sub, column);
    const outside: number[] = [];
    for (let i = 0; i < values.length; i++) if (values[i]! < 0 || values[i]! > 1) outside.push(i);
    if (outside.length > 0) failCells(sub, column, outside, "OUT_OF_RANGE", "a probability in [0, 1]", "error");
  }
  requireRowSums(sub, pandasRowSums(sub, columns), allcloseToOne, `values summing to 1 over all ${columns.length} columns but ${ID} (np.allclose)`, "error");
}

export default defineCompetition(
  {
    id: "hms-harmful-brain-activity-classification",
    name: "HMS - Harmful Brain Activity Classification",
    splits: ["high"],
    category: "Signal (EEG) Classification",
    answers: "hms-harmful-brain-activity-classification/prepared/private/test.csv",
    sampleSubmission: "hms-harmful-brain-activity-classification/prepared/public/sample_submission.csv",
    columns: [{ name: ID, kind: "id", unique: false }, ...VOTES.map((name) => ({ name, kind: "probability" as const, range: [0, 1] as [number, number] }))],
    // Extra columns are validated as probabilities: only an all-zero extra column survives.
    extraColumns: "rejected",
    answersColumns: [ID, ...VOTES],
    metric: { id: "kl-divergence", options: { epsilon: 1e-15 } },
    direction: "minimize",
    awardsMedals: true,
    rounding: "numpy",
    rowMatching: "eeg_id sets must be equal and lengths equal; both sorted by eeg_id; rows paired in that order (answers repeat an eeg_id once per labelled window)",
    knownIssues: [
      "Any extra column takes part in the probability validation, so an extra text column, index column or non-probability column crashes the grader",
      "Rows must sum to 1 twice: rounded to 5 decimals over the six vote columns, then within np.allclose over all non-id columns",
      "A NaN prediction passes both checks if the rest of its row sums to 1 and then adds nothing to the loss (pandas' sums skip NaN)",
      "Ids are compared as sets: duplicated eeg_ids are paired by sort position, and MLE-bench's unstable quicksort may pair tied rows in another order than ours where their votes differ",
    ],
  },
  (submission, answers) => {
    requireColumns(submission, [ID]);
    requireColumns(submission, VOTES);
    const ans = answersTable(answers, [ID, ...VOTES]);
    requireSameLength(submission, ans);
    const sums = pandasRowSums(submission, VOTES.map((name) => submission.col(name)));
    requireRowSums(submission, sums, (sum) => pythonRound(sum, 5) === 1, "the six votes summing to 1 at 5 decimals");
    requireSameIdSet(submission, ans, ID);
    const sub = submission.sortBy(ID);
    const sortedAnswers = ans.sortBy(ID);
    // The answers hold vote counts: each row is divided by its total.
    const votes = VOTES.map((name) => floatsOf(sortedAnswers, sortedAnswers.col(name)));
    const totals = pandasRowSums(sortedAnswers, VOTES.map((name) => sortedAnswers.col(name)));
    const bad = totals.findIndex((total, i) => !(total > 0) || votes.some((column) => column[i]! < 0));
    if (bad >= 0) throw new AnswersError(`answers row ${bad + 1}: expected non-negative votes with a positive total, got a total of ${totals[bad]}`);
    const truth = matrixFromColumns(votes.map((column) => column.map((v, i) => v / totals[i]!)), sortedAnswers.length);
    verifySubmission(sub);
    const pred = matrixFromColumns(VOTES.map((name) => pandasNumbers(sub, sub.col(name))), sub.length);
    return klDivergence(truth, pred, { epsilon: 1e-15, validate: false });
  },
);
